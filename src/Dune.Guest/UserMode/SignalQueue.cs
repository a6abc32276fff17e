using System.Collections.Generic;

namespace Dune.UserMode
{
    /// <summary>
    /// The signals pending for one thread or for the process, with what each instance carries, as Linux's struct
    /// sigpending keeps them: a standard signal (1-31) is pending once (a second one is lost, or counted as a timer's
    /// overrun); a real-time one (32-64) queues every instance, taken in the order they came. A POSIX timer's signal is
    /// queued once per timer: its next expiries while it waits count as overruns. Not locked: the owner's lock
    /// (<see cref="ProgramSignals"/>) guards it. A struct inside its owner, so <see cref="Set"/> is one load away on the
    /// path of every system call.
    /// </summary>
    internal struct SignalQueue
    {
        /// <summary>The first real-time signal (the kernel's SIGRTMIN; glibc keeps 32 and 33 for itself).</summary>
        public const int FirstRealTime = 32;

        /// <summary>Bit n-1: signal n is pending.</summary>
        public ulong Set;
        /// <summary>Per signal, its oldest pending instance; made at the first.</summary>
        private SignalInfo[] _first;
        /// <summary>Per real-time signal, the instances after the first; made at the first second instance.</summary>
        private List<SignalInfo>[] _more;

        /// <summary>What <see cref="Add"/> did with an instance.</summary>
        public enum Added
        {
            /// <summary>Now pending (the first instance, or a real-time signal's next).</summary>
            Queued,
            /// <summary>The same timer's signal was pending: counted there as an overrun.</summary>
            Merged,
            /// <summary>A standard signal already pending: this instance is lost, as on Linux.</summary>
            Lost,
            /// <summary>A real-time signal already pending whose instance the full queues could not take (sigqueue's EAGAIN).</summary>
            Full,
        }

        /// <summary>
        /// Makes <paramref name="info"/>'s signal pending. <paramref name="queued"/> counts the instances queued in
        /// all the process's queues; none is queued beyond <paramref name="limit"/> (RLIMIT_SIGPENDING), though a
        /// signal not yet pending always becomes pending, as Linux sets the bit when it cannot queue the siginfo.
        /// </summary>
        public Added Add(in SignalInfo info, ref int queued, int limit)
        {
            int index = info.Signal - 1;
            ulong bit = 1UL << index;
            if ((Set & bit) == 0)
            {
                Set |= bit;
                (_first ??= new SignalInfo[ProgramSignals.Count])[index] = info;
                queued++;
                return Added.Queued;
            }
            if (_first[index].TryMergeTimer(info)) return Added.Merged;
            List<SignalInfo> more = _more?[index];
            if (more != null)
                for (int i = 0; i < more.Count; i++)
                {
                    SignalInfo waiting = more[i];
                    if (!waiting.TryMergeTimer(info)) continue;
                    more[i] = waiting;
                    return Added.Merged;
                }
            if (info.Signal < FirstRealTime) return Added.Lost;
            if (queued >= limit) return Added.Full;
            _more ??= new List<SignalInfo>[ProgramSignals.Count];
            (_more[index] ??= new List<SignalInfo>()).Add(info);
            queued++;
            return Added.Queued;
        }

        /// <summary>Takes the oldest instance of <paramref name="signal"/>, which stays pending while more are queued; nothing if none is pending.</summary>
        public SignalInfo Take(int signal, ref int queued)
        {
            int index = signal - 1;
            if ((Set & 1UL << index) == 0) return default;
            SignalInfo info = _first[index];
            queued--;
            List<SignalInfo> more = _more?[index];
            if (more != null && more.Count > 0)
            {
                _first[index] = more[0];
                more.RemoveAt(0);
            }
            else Set &= ~(1UL << index);
            return info;
        }

        /// <summary>Drops every pending instance of <paramref name="signal"/> (it became ignored).</summary>
        public void Discard(int signal, ref int queued)
        {
            int index = signal - 1;
            if ((Set & 1UL << index) == 0) return;
            Set &= ~(1UL << index);
            queued--;
            List<SignalInfo> more = _more?[index];
            if (more == null) return;
            queued -= more.Count;
            more.Clear();
        }

        /// <summary>Drops everything pending (a forked child starts with nothing).</summary>
        public void Clear(ref int queued)
        {
            for (int signal = 1; signal <= ProgramSignals.Count; signal++) Discard(signal, ref queued);
        }
    }
}
