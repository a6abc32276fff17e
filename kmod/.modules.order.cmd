cmd_/work/wt/kmod/kmod/modules.order := {   echo /work/wt/kmod/kmod/dune.ko; :; } > /work/wt/kmod/kmod/modules.order
