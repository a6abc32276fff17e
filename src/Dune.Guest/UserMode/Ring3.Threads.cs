using System;
using System.Threading;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// Threads of the program: clone with CLONE_VM|CLONE_THREAD starts a runtime thread (<see cref="Thread.Start()"/>,
    /// which in Dune mode runs on a vCPU of its own) whose body runs the new ring-3 thread in the same space under
    /// the same policy and monitor, from the parent's registers with clone's 0, the stack and thread pointer clone
    /// names. Its tid is the host thread's driving that vCPU (gettid, tgkill and futexes on the program's memory,
    /// which is host memory at the same addresses, work through the host). It writes CLONE_PARENT_SETTID and
    /// CLONE_CHILD_SETTID before the parent's clone returns; at its exit its clear-child-tid word (CLONE_CHILD_CLEARTID
    /// or set_tid_address) is zeroed and woken, which is what pthread_join waits for. exit ends the thread;
    /// exit_group, a fatal signal or fault, or the policy's kill in any thread end the process with the status
    /// the monitor reports (<see cref="SyscallMonitor.ProcessEnded"/>); the first thread's exit leaves the others
    /// running, and the last one's exit ends the program with its status. Each thread has its own signal
    /// mask, alternate stack and pending set (<see cref="ThreadSignals"/>); a thread waiting in a host call is woken
    /// with a host signal of the monitor's (<see cref="HostSignalRelay.WakeSignal"/>) when a signal or another
    /// thread's execve needs it.
    /// </summary>
    public static unsafe partial class Ring3
    {
        private const long FutexWake = 1, EAGAIN = 11, EFAULT = 14;

        /// <summary>What a new ring-3 thread starts from; its tid once it runs (the parent waits for it).</summary>
        private sealed class ThreadStart
        {
            public UserSpace Space;
            public UserFrame Frame;
            public SyscallPolicy Policy;
            public SyscallMonitor Monitor;
            public long Flags;
            public ulong ParentTid, ChildTid;
            public long Tid;
            public ThreadSignals Thread;
        }

        /// <summary>clone or clone3 with CLONE_THREAD (<paramref name="request"/>; the call's registers in <paramref name="call"/>): the new thread's tid, or -errno.</summary>
        internal static long StartThread(UserSpace space, in SyscallCall call, in CloneRequest request)
        {
            RunState run = Current();
            long flags = request.Flags;
            long error = CloneFlags.CheckThread(flags);
            if (error != 0) return error;
            ulong parentTid = request.ParentTid, childTid = request.ChildTid;
            if ((flags & CloneFlags.ParentSettid) != 0 && !space.IsUserAccessible(parentTid, 4, true)) return -EFAULT;
            if ((flags & (CloneFlags.ChildSettid | CloneFlags.ChildCleartid)) != 0 && !space.IsUserAccessible(childTid, 4, true)) return -EFAULT;
            var start = new ThreadStart
            {
                Space = space, Frame = *call.Frame, Policy = run.Policy, Monitor = run.Monitor, Flags = flags,
                ParentTid = parentTid, ChildTid = childTid,
            };
            start.Frame.Rax = 0;
            if (request.Stack != 0) start.Frame.Rsp = request.Stack;
            if ((flags & CloneFlags.Settls) != 0) start.Frame.FsBase = request.Tls;
            start.Thread = space.Signals.AddThread(run.Thread.Blocked);
            try
            {
                new Thread(() => RunThread(start)) { IsBackground = true }.Start();
            }
            catch (Exception)
            {
                space.Signals.RemoveThread(start.Thread);
                return -EAGAIN; // every vCPU busy, or a backend without threads
            }
            lock (start)
            {
                while (start.Tid == 0) Monitor.Wait(start);
            }
            return start.Tid;
        }

        private static void RunThread(ThreadStart start)
        {
            long tid = Syscall.Invoke(SyscallNumber.Gettid);
            ThreadSignals thread = start.Thread;
            thread.HostTid = thread.Tid = tid;
            if ((start.Flags & CloneFlags.ParentSettid) != 0) *(int*)start.ParentTid = (int)tid;
            if ((start.Flags & CloneFlags.ChildSettid) != 0) *(int*)start.ChildTid = (int)tid;
            lock (start)
            {
                start.Tid = tid;
                Monitor.PulseAll(start);
            }
            if (thread.Ending)
            {
                // Another thread's execve ended this one before it ran (its wake found no host thread yet).
                start.Space.Signals.RemoveThread(thread);
                return;
            }
            ulong clearTid = (start.Flags & CloneFlags.ChildCleartid) != 0 ? start.ChildTid : 0;
            RunResult r = RunAs(start.Space, start.Frame, start.Policy, start.Monitor, clearTid, thread, false);
            if (r.End == RunEnd.Exited && r.ThreadOnly) return;
            int status = start.Monitor != null ? start.Monitor.ProcessEnded(r) : SyscallMonitor.ExitStatus(r);
            Syscall.Invoke(SyscallNumber.ExitGroup, status);
        }

        /// <summary>
        /// A thread's own exit(2): it leaves the program's threads at once, so they leave in the order their exits
        /// happened and the last one's status is the process's (<see cref="ThreadEnded"/>), however late each run's
        /// end is processed.
        /// </summary>
        private static void LeaveOnExit(RunState run)
        {
            ProgramSignals signals = run.Space.Signals;
            lock (signals)
            {
                signals.RemoveThread(run.Thread);
                if (signals.ThreadCount == 0) run.Space.LastExit = run.Result;
            }
        }

        /// <summary>
        /// A thread's ring-3 run ended: it leaves the program's threads (if its exit has not already, <see cref="LeaveOnExit"/>).
        /// When it ended alone (exit, or another thread's execve) the process goes on while any thread lives, as on
        /// Linux; the first thread's <see cref="Run"/> then waits (still this CPU's run, so host signals are relayed to
        /// the live threads) and returns when the last one ended, with the last one's exit, whose status Linux reports
        /// for the process.
        /// </summary>
        private static RunResult ThreadEnded(RunState run, bool first)
        {
            UserSpace space = run.Space;
            ProgramSignals signals = space.Signals;
            bool alone = run.Result.End == RunEnd.Exited && run.Result.ThreadOnly;
            lock (signals)
            {
                // A thread that ends the process (exit_group, a fatal signal) stays counted until the host's exit_group,
                // so the first thread, waiting for the last one's exit, cannot return first with another status.
                if (alone || first) signals.RemoveThread(run.Thread);
                if (!alone || !first) return run.Result;
                while (signals.ThreadCount > 0) Monitor.Wait(signals);
            }
            RunResult last = space.LastExit;
            last.ThreadOnly = false;
            return last;
        }

        /// <summary>Makes a thread of the program leave a host call it waits in (its wake's handler does nothing: the call returns EINTR).</summary>
        internal static void Wake(ThreadSignals thread)
        {
            if (thread == null || thread == CurrentThread || thread.HostTid == 0) return;
            Syscall.Invoke(SyscallNumber.Tgkill, Syscall.Invoke(SyscallNumber.Getpid), thread.HostTid, HostSignalRelay.WakeSignal);
        }

        /// <summary>
        /// execve in a program with several threads: every other thread ends (at its next return to ring 3; a thread
        /// waiting in a host call is woken), as Linux's de_thread does. Returns once they all ended.
        /// </summary>
        private static void EndOtherThreads(RunState run)
        {
            ProgramSignals signals = run.Space.Signals;
            lock (signals)
            {
                while (signals.ThreadCount > 1)
                {
                    ThreadSignals[] others = signals.OtherThreads(run.Thread);
                    for (int i = 0; i < others.Length; i++)
                    {
                        if (others[i].Ending) continue;
                        others[i].Ending = true;
                        Wake(others[i]);
                    }
                    Monitor.Wait(signals);
                }
            }
        }

        /// <summary>set_tid_address: the word this thread's exit zeroes and wakes; returns the tid.</summary>
        internal static long SetTidAddress(ulong address)
        {
            RunState run = Current();
            run.ClearChildTid = address;
            return run.Thread.Tid;
        }

        /// <summary>gettid: the tid the program sees (<see cref="ThreadSignals.Tid"/>).</summary>
        internal static long GetTid() => Current().Thread.Tid;

        /// <summary>A thread's exit: its clear-child-tid word becomes 0 and one waiter wakes (pthread_join), as Linux does.</summary>
        private static void ClearChildTid(RunState run)
        {
            ulong address = run.ClearChildTid;
            if (address == 0 || !run.Space.IsUserAccessible(address, 4, true)) return;
            *(int*)address = 0;
            Syscall.Invoke(202, (long)address, FutexWake, 1, 0, 0, 0);
        }
    }
}
