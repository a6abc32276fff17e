/work/wt/kmod/kmod/dune_main.o
/work/wt/kmod/kmod/dune_npt.o
/work/wt/kmod/kmod/dune_svm.o
/work/wt/kmod/kmod/dune_vmrun.o
