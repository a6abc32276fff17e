using System.Collections.Generic;

namespace System
{
    /// <summary>Several exceptions as one (what a faulted task throws from Wait and Result).</summary>
    public class AggregateException : Exception
    {
        private readonly Exception[] _inner;

        public AggregateException() : this("One or more errors occurred.", Array.Empty<Exception>()) { }
        public AggregateException(params Exception[] innerExceptions) : this("One or more errors occurred.", innerExceptions) { }
        public AggregateException(IEnumerable<Exception> innerExceptions) : this("One or more errors occurred.", new List<Exception>(innerExceptions).ToArray()) { }

        public AggregateException(string message, params Exception[] innerExceptions)
            : base(message, innerExceptions.Length > 0 ? innerExceptions[0] : null)
        {
            foreach (Exception e in innerExceptions) ArgumentNullException.ThrowIfNull(e, nameof(innerExceptions));
            _inner = (Exception[])innerExceptions.Clone();
        }

        public IReadOnlyList<Exception> InnerExceptions => _inner;

        /// <summary>.NET's text: the message, then each inner exception's message in parentheses.</summary>
        public override string Message
        {
            get
            {
                string text = base.Message;
                foreach (Exception e in _inner) text += " (" + e.Message + ")";
                return text;
            }
        }

        public AggregateException Flatten()
        {
            var all = new List<Exception>();
            Collect(this, all);
            return new AggregateException(all);
        }

        private static void Collect(AggregateException aggregate, List<Exception> into)
        {
            foreach (Exception e in aggregate._inner)
            {
                if (e is AggregateException nested) Collect(nested, into);
                else into.Add(e);
            }
        }
    }
}
