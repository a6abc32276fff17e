using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Delegates. ilc constructs them by calling one of the Initialize* methods with the target and code
    /// pointer, and invokes them by calling _functionPointer with _firstParameter as `this`; the field names
    /// are part of that contract. Open static and closed static delegates point _functionPointer at a thunk
    /// ilc generates, with the real target in _extraFunctionPointerOrData. A combined (multicast) delegate
    /// points it at the multicast thunk, which calls each entry of the Wrapper[] in _helperObject, as many as
    /// _extraFunctionPointerOrData says.
    /// </summary>
    public abstract unsafe partial class Delegate
    {
        internal object _firstParameter;
        internal object _helperObject;
        internal nint _extraFunctionPointerOrData;
        internal IntPtr _functionPointer;

        /// <summary>Thunk numbers of ilc's GetThunk override.</summary>
        private const int MulticastThunk = 0;

        /// <summary>Element of a multicast delegate's invocation list (the multicast thunk reads it by name).</summary>
        private struct Wrapper
        {
            public Delegate Value;
            public Wrapper(Delegate value) { Value = value; }
        }

        public object Target => _firstParameter == (object)this ? _helperObject : _firstParameter;

        private bool IsMulticast => _helperObject is Wrapper[];

        private void InitializeClosedInstance(object firstParameter, IntPtr functionPointer)
        {
            if (firstParameter == null) throw new ArgumentException("Delegate to an instance method cannot have null 'this'.");
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        private void InitializeClosedInstanceSlow(object firstParameter, IntPtr functionPointer) => InitializeClosedInstance(firstParameter, functionPointer);

        private void InitializeClosedInstanceWithoutNullCheck(object firstParameter, IntPtr functionPointer)
        {
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        private void InitializeClosedStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _extraFunctionPointerOrData = functionPointer;
            _helperObject = firstParameter;
            _functionPointer = functionPointerThunk;
            _firstParameter = this;
        }

        private void InitializeOpenStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        private void InitializeOpenInstanceThunkDynamic(IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        /// <summary>ilc overrides this in every delegate type to hand out the thunks it generated.</summary>
        protected virtual IntPtr GetThunk(int whichThunk) => IntPtr.Zero;

        public static Delegate Combine(Delegate a, Delegate b)
        {
            if (a is null) return b;
            if (b is null) return a;
            if (a.MethodTable != b.MethodTable) throw new ArgumentException("Delegates must be of the same type.");
            Wrapper[] left = a.InvocationList(out int leftCount), right = b.InvocationList(out int rightCount);
            var list = new Wrapper[leftCount + rightCount];
            for (int i = 0; i < leftCount; i++) list[i] = left[i];
            for (int i = 0; i < rightCount; i++) list[leftCount + i] = right[i];
            return a.NewMulticast(list, list.Length);
        }

        /// <summary>Removes the last occurrence of <paramref name="value"/>'s invocation list from <paramref name="source"/>'s.</summary>
        public static Delegate Remove(Delegate source, Delegate value)
        {
            if (source is null) return null;
            if (value is null) return source;
            Wrapper[] list = source.InvocationList(out int count), remove = value.InvocationList(out int removeCount);
            for (int start = count - removeCount; start >= 0; start--)
            {
                bool match = true;
                for (int i = 0; i < removeCount && match; i++) match = list[start + i].Value.Equals(remove[i].Value);
                if (!match) continue;
                int remaining = count - removeCount;
                if (remaining == 0) return null;
                if (remaining == 1) return list[start == 0 ? count - 1 : 0].Value;
                var rest = new Wrapper[remaining];
                for (int i = 0, j = 0; i < count; i++)
                    if (i < start || i >= start + removeCount) rest[j++] = list[i];
                return source.NewMulticast(rest, remaining);
            }
            return source;
        }

        public Delegate[] GetInvocationList()
        {
            Wrapper[] list = InvocationList(out int count);
            var result = new Delegate[count];
            for (int i = 0; i < count; i++) result[i] = list[i].Value;
            return result;
        }

        private Wrapper[] InvocationList(out int count)
        {
            if (_helperObject is Wrapper[] list)
            {
                count = (int)_extraFunctionPointerOrData;
                return list;
            }
            count = 1;
            return new[] { new Wrapper(this) };
        }

        private Delegate NewMulticast(Wrapper[] list, int count)
        {
            Delegate result = Unsafe.As<Delegate>(Allocator.NewObject(MethodTable));
            result._firstParameter = result;
            result._helperObject = list;
            result._extraFunctionPointerOrData = count;
            result._functionPointer = GetThunk(MulticastThunk);
            return result;
        }

        public static bool operator ==(Delegate a, Delegate b) => a is null ? b is null : a.Equals(b);
        public static bool operator !=(Delegate a, Delegate b) => !(a == b);

        /// <summary>Same type, same code and same target; combined delegates compare their invocation lists.</summary>
        public override bool Equals(object obj)
        {
            if (obj is not Delegate other || other.MethodTable != MethodTable) return false;
            if ((object)this == other) return true;
            if (IsMulticast || other.IsMulticast)
            {
                Wrapper[] mine = InvocationList(out int count), theirs = other.InvocationList(out int otherCount);
                if (count != otherCount) return false;
                for (int i = 0; i < count; i++)
                    if (!mine[i].Value.Equals(theirs[i].Value)) return false;
                return true;
            }
            bool selfTargeted = _firstParameter == (object)this, otherSelfTargeted = other._firstParameter == (object)other;
            return _functionPointer == other._functionPointer &&
                _extraFunctionPointerOrData == other._extraFunctionPointerOrData &&
                _helperObject == other._helperObject &&
                (selfTargeted ? otherSelfTargeted : _firstParameter == other._firstParameter);
        }

        public override int GetHashCode() => (int)_functionPointer ^ (int)_extraFunctionPointerOrData;
    }

    public abstract class MulticastDelegate : Delegate { }

    public delegate void Action();
    public delegate void Action<in T>(T arg);
    public delegate void Action<in T1, in T2>(T1 arg1, T2 arg2);
    public delegate TResult Func<out TResult>();
    public delegate TResult Func<in T, out TResult>(T arg);
    public delegate TResult Func<in T1, in T2, out TResult>(T1 arg1, T2 arg2);
    public delegate bool Predicate<in T>(T obj);
    public delegate int Comparison<in T>(T x, T y);
}
