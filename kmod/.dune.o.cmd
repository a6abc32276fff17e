cmd_/work/wt/kmod/kmod/dune.o := ld -m elf_x86_64 -z noexecstack --no-warn-rwx-segments   -r -o /work/wt/kmod/kmod/dune.o @/work/wt/kmod/kmod/dune.mod 
