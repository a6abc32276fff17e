using Dune.Cpu;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// nanosleep, clock_nanosleep, poll and epoll_wait: waits with a timeout (ppoll, select and pselect6 too, for the
    /// descriptors in their memory: <see cref="PollScreened"/>, <see cref="SelectBelowFloor"/>). Forwarded as they are, the host call
    /// would be interrupted by every host signal the monitor relays, the program's blocked ones too (Linux would not
    /// even wake for those), and repeating the call from ring 3 would start its whole timeout again: forever, under a
    /// fast timer the program blocks. So the monitor repeats the host call itself with the time left, until a result,
    /// the deadline, or a signal this thread takes; then EINTR (nanosleep's remaining time written, as Linux does), which
    /// <see cref="Ring3"/> returns or acts on as for any interrupted call. Arguments are checked as for a forwarded call
    /// (<see cref="SyscallTable"/> describes their pointers).
    /// </summary>
    internal static unsafe partial class UserKernel
    {
        private const long Nanosleep = 35, ClockNanosleep = 230, Poll = 7, EpollWait = 232, Ppoll = 271, Select = 23, Pselect6 = 270;
        private const long TimerAbstime = 1, SigsetBytes = 8;

        private static long TimedWait(UserSpace space, in SyscallCall call)
        {
            ref readonly SyscallInfo info = ref SyscallTable.Of(call.Number);
            if (info.FdArgs != 0 && NamesMonitorFd(call, info.FdArgs)) return -EBADF;
            long error = CheckPointers(space, call, info.Pointers);
            if (error != 0) return error;
            ThreadSignals thread = Ring3.CurrentThread;
            switch (call.Number)
            {
                case Nanosleep: return Sleep(thread, -1, 0, call.Arg0, call.Arg1);
                case ClockNanosleep:
                    if ((call.Arg1 & TimerAbstime) == 0) return Sleep(thread, call.Arg0, call.Arg1, call.Arg2, call.Arg3);
                    long r;
                    while (Again(r = ProgramCall.Invoke(ClockNanosleep, call.Arg0, call.Arg1, call.Arg2, call.Arg3), thread)) { }
                    return r;
                case Poll:
                case Ppoll:
                    return PollScreened(thread, call);
                default: return EpollWaitUntil(thread, call.Arg0, call.Arg1, call.Arg2, (int)call.Arg3);
            }
        }

        /// <summary>
        /// Whether the wait that returned <paramref name="r"/> goes on: it was interrupted or did not start
        /// (<see cref="HypercallBlock.NotStarted"/>), and the thread has no signal to take and need not end.
        /// </summary>
        private static bool Again(long r, ThreadSignals thread) => r is -EINTR or HypercallBlock.NotStarted && !ProgramCall.SignalsDue(thread);

        /// <summary>
        /// The result of a wait that ended with <paramref name="r"/>: one that did not start after waiting already
        /// (<paramref name="waited"/>) was interrupted (EINTR); one that never started is made again by ring 3.
        /// </summary>
        private static long Ended(long r, bool waited) => r == HypercallBlock.NotStarted && waited ? -EINTR : r;

        /// <summary>A relative nanosleep (<paramref name="clock"/> -1) or clock_nanosleep, continued with the host's remaining time.</summary>
        private static long Sleep(ThreadSignals thread, long clock, long flags, long request, long remaining)
        {
            long* left = stackalloc long[2];
            bool waited = false;
            long r;
            do
            {
                long from = waited ? (long)left : request;
                r = clock < 0 ? ProgramCall.Invoke(Nanosleep, from, (long)left) : ProgramCall.Invoke(ClockNanosleep, clock, flags, from, (long)left);
                waited |= r != HypercallBlock.NotStarted;
            }
            while (Again(r, thread));
            r = Ended(r, waited);
            if (r == -EINTR && remaining != 0)
            {
                ((long*)remaining)[0] = left[0];
                ((long*)remaining)[1] = left[1];
            }
            return r;
        }

        /// <summary>
        /// poll and ppoll with the monitor's descriptors screened (<see cref="DescriptorScreen"/>): their entries
        /// report POLLNVAL, and then the call does not wait, as Linux's returns at once for a closed descriptor.
        /// ppoll otherwise goes to the host as it is (the host updates its timeout for a repeat from ring 3).
        /// </summary>
        private static long PollScreened(ThreadSignals thread, in SyscallCall call)
        {
            byte* fds = (byte*)call.Arg0;
            ulong count = (ulong)call.Arg1;
            int reaching = DescriptorScreen.CountReaching(fds, count, MonitorFds.Floor);
            if (reaching == 0) return call.Number == Poll ? PollUntil(thread, call.Arg0, call.Arg1, (int)call.Arg2) : Forward(call);
            var hidden = new ulong[(count + 63) / 64];
            DescriptorScreen.Hide(fds, count, MonitorFds.Floor, hidden);
            long* now = stackalloc long[2];
            now[0] = now[1] = 0;
            long r = call.Number == Poll ? ProgramCall.Invoke(Ppoll, call.Arg0, call.Arg1, (long)now, 0, SigsetBytes, 0)
                : ProgramCall.Invoke(Ppoll, call.Arg0, call.Arg1, (long)now, call.Arg3, call.Arg4, 0);
            DescriptorScreen.Restore(fds, count, hidden);
            return r < 0 ? r : r + reaching;
        }

        /// <summary>
        /// select and pselect6 looking at no descriptor from the monitor's floor up: Linux looks no further than its
        /// descriptor table (bits beyond it are ignored and left as they are), and the program's table ends below
        /// the floor, so the host gets nfds at most the floor and never reports on the monitor's descriptors.
        /// Otherwise forwarded as they are (the host updates their timeout for a repeat from ring 3).
        /// </summary>
        private static long SelectBelowFloor(UserSpace space, in SyscallCall call)
        {
            UserFrame* frame = call.Frame;
            ulong nfds = frame->Rdi;
            if ((long)nfds > MonitorFds.Floor) frame->Rdi = (ulong)MonitorFds.Floor; // the call's view of its arguments, for the checks and the host
            long r = CheckPointers(space, call, SyscallTable.Of(call.Number).Pointers);
            if (r == 0) r = Forward(call);
            frame->Rdi = nfds; // ring 3's register as it was
            return r;
        }

        /// <summary>poll as ppoll, whose timeout the host counts down in place.</summary>
        private static long PollUntil(ThreadSignals thread, long fds, long count, int timeoutMs)
        {
            long* left = stackalloc long[2];
            left[0] = timeoutMs / 1000;
            left[1] = timeoutMs % 1000 * 1000000L;
            long timeout = timeoutMs < 0 ? 0 : (long)left;
            long r;
            bool waited = false;
            while (Again(r = ProgramCall.Invoke(Ppoll, fds, count, timeout, 0, SigsetBytes, 0), thread)) waited |= r != HypercallBlock.NotStarted;
            return Ended(r, waited);
        }

        /// <summary>epoll_wait with the milliseconds left until the first call's deadline.</summary>
        private static long EpollWaitUntil(ThreadSignals thread, long epfd, long events, long max, int timeoutMs)
        {
            long deadline = timeoutMs < 0 ? 0 : Linux.MonotonicNanoseconds() + timeoutMs * 1000000L;
            int wait = timeoutMs;
            long r;
            bool waited = false;
            while (Again(r = ProgramCall.Invoke(EpollWait, epfd, events, max, wait), thread))
            {
                waited |= r != HypercallBlock.NotStarted;
                if (timeoutMs < 0) continue;
                long leftNs = deadline - Linux.MonotonicNanoseconds();
                wait = leftNs <= 0 ? 0 : (int)((leftNs + 999999) / 1000000);
            }
            return Ended(r, waited);
        }
    }
}
