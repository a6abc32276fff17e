using System.Collections.Generic;

namespace System.Threading
{
    /// <summary>
    /// A value per thread. Each instance owns a slot number; each thread keeps its values in a [ThreadStatic]
    /// array indexed by slot (<see cref="ThreadLocalSlots"/>), so reading is two loads and a type check.
    /// </summary>
    public class ThreadLocal<T> : IDisposable
    {
        private sealed class Holder
        {
            public T Value;
        }

        private readonly Func<T> _valueFactory;
        private readonly int _slot;
        /// <summary>Every thread's holder, when the values are tracked; guarded by locking the list.</summary>
        private readonly List<Holder> _all;
        private bool _disposed;

        public ThreadLocal() : this(null, false) { }
        public ThreadLocal(bool trackAllValues) : this(null, trackAllValues) { }
        public ThreadLocal(Func<T> valueFactory) : this(valueFactory, false) { }

        public ThreadLocal(Func<T> valueFactory, bool trackAllValues)
        {
            _valueFactory = valueFactory;
            _slot = ThreadLocalSlots.Allocate();
            if (trackAllValues) _all = new List<Holder>();
        }

        public T Value
        {
            get
            {
                Holder holder = Find();
                return holder != null ? holder.Value : Create();
            }
            set
            {
                Holder holder = Find();
                if (holder != null) holder.Value = value;
                else Store(value);
            }
        }

        public bool IsValueCreated => Find() != null;

        public IList<T> Values
        {
            get
            {
                CheckDisposed();
                if (_all == null) throw new InvalidOperationException("The ThreadLocal object is not tracking values. To use the Values property, use a ThreadLocal constructor that accepts the trackAllValues parameter and set the parameter to true.");
                var values = new List<T>();
                lock (_all)
                    foreach (Holder h in _all) values.Add(h.Value);
                return values;
            }
        }

        public void Dispose() => _disposed = true;

        public override string ToString() => Value.ToString();

        private Holder Find()
        {
            CheckDisposed();
            object[] slots = ThreadLocalSlots.Current;
            return slots != null && _slot < slots.Length ? slots[_slot] as Holder : null;
        }

        private T Create()
        {
            T value = _valueFactory != null ? _valueFactory() : default;
            Holder holder = Find();
            if (holder != null) throw new InvalidOperationException("ValueFactory attempted to access the Value property of this instance.");
            Store(value);
            return value;
        }

        private void Store(T value)
        {
            var holder = new Holder { Value = value };
            ThreadLocalSlots.Set(_slot, holder);
            if (_all != null) lock (_all) _all.Add(holder);
        }

        private void CheckDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(null, "The ThreadLocal object has been disposed.");
        }
    }

    /// <summary>The per-thread arrays of <see cref="ThreadLocal{T}"/> values.</summary>
    internal static class ThreadLocalSlots
    {
        [ThreadStatic] private static object[] t_slots;
        private static int s_next = -1;

        public static object[] Current => t_slots;

        public static int Allocate() => Interlocked.Increment(ref s_next);

        public static void Set(int slot, object holder)
        {
            object[] slots = t_slots;
            if (slots == null || slots.Length <= slot)
            {
                var larger = new object[Math.Max(slot + 1, slots == null ? 4 : slots.Length * 2)];
                if (slots != null) Array.Copy(slots, larger, slots.Length);
                t_slots = slots = larger;
            }
            slots[slot] = holder;
        }
    }
}
