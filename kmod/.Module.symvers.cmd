cmd_/work/wt/kmod/kmod/Module.symvers :=  sed 's/ko$$/o/'  /work/wt/kmod/kmod/modules.order | scripts/mod/modpost -m      -o /work/wt/kmod/kmod/Module.symvers -e -i Module.symvers -T - 
