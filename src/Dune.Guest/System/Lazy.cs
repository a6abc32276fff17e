namespace System.Threading
{
    public enum LazyThreadSafetyMode { None = 0, PublicationOnly = 1, ExecutionAndPublication = 2 }
}

namespace System
{
    /// <summary>
    /// A value computed on first use. One thread per process, so every mode runs the factory once; an exception
    /// from the factory is cached and rethrown on later reads, except in PublicationOnly mode, as on .NET.
    /// </summary>
    public class Lazy<T>
    {
        private Func<T> _factory;
        private readonly bool _cacheExceptions;
        private T _value;
        private Exception _exception;
        private bool _created;
        private bool _running;

        public Lazy(T value)
        {
            _value = value;
            _created = true;
        }

        public Lazy(Func<T> valueFactory) : this(valueFactory, Threading.LazyThreadSafetyMode.ExecutionAndPublication) { }

        public Lazy(Func<T> valueFactory, bool isThreadSafe)
            : this(valueFactory, isThreadSafe ? Threading.LazyThreadSafetyMode.ExecutionAndPublication : Threading.LazyThreadSafetyMode.None) { }

        public Lazy(Func<T> valueFactory, Threading.LazyThreadSafetyMode mode)
        {
            if (valueFactory == null) throw new ArgumentNullException(nameof(valueFactory));
            if (mode < Threading.LazyThreadSafetyMode.None || mode > Threading.LazyThreadSafetyMode.ExecutionAndPublication)
                throw new ArgumentOutOfRangeException(nameof(mode), "The mode argument specifies an invalid value.");
            _factory = valueFactory;
            _cacheExceptions = mode != Threading.LazyThreadSafetyMode.PublicationOnly;
        }

        public bool IsValueCreated => _created;

        public T Value => _created ? _value : Create();

        private T Create()
        {
            if (_exception != null) throw _exception;
            if (_running) throw new InvalidOperationException("ValueFactory attempted to access the Value property of this instance.");
            _running = true;
            try
            {
                _value = _factory();
            }
            catch (Exception e)
            {
                if (_cacheExceptions) _exception = e;
                throw;
            }
            finally
            {
                _running = false;
            }
            _created = true;
            _factory = null;
            return _value;
        }

        public override string ToString() => _created ? _value.ToString() : "Value is not created.";
    }
}
