cmd_/work/wt/kmod/kmod/dune.mod := printf '%s\n'   dune_main.o dune_npt.o dune_svm.o dune_vmrun.o | awk '!x[$$0]++ { print("/work/wt/kmod/kmod/"$$0) }' > /work/wt/kmod/kmod/dune.mod
