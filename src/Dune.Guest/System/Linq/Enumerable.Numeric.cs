using System.Collections.Generic;

namespace System.Linq
{
    // Sum, Min, Max and Average for each numeric type .NET overloads them for (decimal joins when it exists).
    public static partial class Enumerable
    {
        public static int Sum(this IEnumerable<int> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            int sum = 0;
            foreach (int value in source) checked { sum += value; }
            return (int)sum;
        }

        public static int Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => Sum(Select(source, selector));

        public static int? Sum(this IEnumerable<int?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            int sum = 0;
            foreach (int? value in source)
                if (value.HasValue) checked { sum += value.GetValueOrDefault(); }
            return (int)sum;
        }

        public static int? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector) => Sum(Select(source, selector));

        public static long Sum(this IEnumerable<long> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            long sum = 0;
            foreach (long value in source) checked { sum += value; }
            return (long)sum;
        }

        public static long Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => Sum(Select(source, selector));

        public static long? Sum(this IEnumerable<long?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            long sum = 0;
            foreach (long? value in source)
                if (value.HasValue) checked { sum += value.GetValueOrDefault(); }
            return (long)sum;
        }

        public static long? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector) => Sum(Select(source, selector));

        public static float Sum(this IEnumerable<float> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            double sum = 0;
            foreach (float value in source) checked { sum += value; }
            return (float)sum;
        }

        public static float Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector) => Sum(Select(source, selector));

        public static float? Sum(this IEnumerable<float?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            double sum = 0;
            foreach (float? value in source)
                if (value.HasValue) checked { sum += value.GetValueOrDefault(); }
            return (float)sum;
        }

        public static float? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, float?> selector) => Sum(Select(source, selector));

        public static double Sum(this IEnumerable<double> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            double sum = 0;
            foreach (double value in source) checked { sum += value; }
            return (double)sum;
        }

        public static double Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => Sum(Select(source, selector));

        public static double? Sum(this IEnumerable<double?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            double sum = 0;
            foreach (double? value in source)
                if (value.HasValue) checked { sum += value.GetValueOrDefault(); }
            return (double)sum;
        }

        public static double? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector) => Sum(Select(source, selector));

        public static double Average(this IEnumerable<int> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            long sum = 0;
            long count = 0;
            foreach (int value in source)
            {
                checked { sum += value; }
                count++;
            }
            if (count == 0) throw Errors.NoElements();
            return (double)((double)sum / count);
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => Average(Select(source, selector));

        public static double? Average(this IEnumerable<int?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            long sum = 0;
            long count = 0;
            foreach (int? value in source)
            {
                if (!value.HasValue) continue;
                checked { sum += value.GetValueOrDefault(); }
                count++;
            }
            if (count == 0) return null;
            return (double)((double)sum / count);
        }

        public static double? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector) => Average(Select(source, selector));

        public static double Average(this IEnumerable<long> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            long sum = 0;
            long count = 0;
            foreach (long value in source)
            {
                checked { sum += value; }
                count++;
            }
            if (count == 0) throw Errors.NoElements();
            return (double)((double)sum / count);
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => Average(Select(source, selector));

        public static double? Average(this IEnumerable<long?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            long sum = 0;
            long count = 0;
            foreach (long? value in source)
            {
                if (!value.HasValue) continue;
                checked { sum += value.GetValueOrDefault(); }
                count++;
            }
            if (count == 0) return null;
            return (double)((double)sum / count);
        }

        public static double? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector) => Average(Select(source, selector));

        public static float Average(this IEnumerable<float> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            double sum = 0;
            long count = 0;
            foreach (float value in source)
            {
                checked { sum += value; }
                count++;
            }
            if (count == 0) throw Errors.NoElements();
            return (float)((double)sum / count);
        }

        public static float Average<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector) => Average(Select(source, selector));

        public static float? Average(this IEnumerable<float?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            double sum = 0;
            long count = 0;
            foreach (float? value in source)
            {
                if (!value.HasValue) continue;
                checked { sum += value.GetValueOrDefault(); }
                count++;
            }
            if (count == 0) return null;
            return (float)((double)sum / count);
        }

        public static float? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, float?> selector) => Average(Select(source, selector));

        public static double Average(this IEnumerable<double> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            double sum = 0;
            long count = 0;
            foreach (double value in source)
            {
                checked { sum += value; }
                count++;
            }
            if (count == 0) throw Errors.NoElements();
            return (double)((double)sum / count);
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => Average(Select(source, selector));

        public static double? Average(this IEnumerable<double?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            double sum = 0;
            long count = 0;
            foreach (double? value in source)
            {
                if (!value.HasValue) continue;
                checked { sum += value.GetValueOrDefault(); }
                count++;
            }
            if (count == 0) return null;
            return (double)((double)sum / count);
        }

        public static double? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector) => Average(Select(source, selector));

        public static int Min(this IEnumerable<int> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            using IEnumerator<int> e = source.GetEnumerator();
            if (!e.MoveNext()) throw Errors.NoElements();
            int result = e.Current;
            while (e.MoveNext())
                if (e.Current < result) result = e.Current;
            return result;
        }

        public static int Min<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => Min(Select(source, selector));

        public static int? Min(this IEnumerable<int?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            int? result = null;
            foreach (int? value in source)
                if (value.HasValue && (!result.HasValue || value.GetValueOrDefault() < result.GetValueOrDefault())) result = value;
            return result;
        }

        public static int? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector) => Min(Select(source, selector));

        public static int Max(this IEnumerable<int> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            using IEnumerator<int> e = source.GetEnumerator();
            if (!e.MoveNext()) throw Errors.NoElements();
            int result = e.Current;
            while (e.MoveNext())
                if (e.Current > result) result = e.Current;
            return result;
        }

        public static int Max<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => Max(Select(source, selector));

        public static int? Max(this IEnumerable<int?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            int? result = null;
            foreach (int? value in source)
                if (value.HasValue && (!result.HasValue || value.GetValueOrDefault() > result.GetValueOrDefault())) result = value;
            return result;
        }

        public static int? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector) => Max(Select(source, selector));

        public static long Min(this IEnumerable<long> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            using IEnumerator<long> e = source.GetEnumerator();
            if (!e.MoveNext()) throw Errors.NoElements();
            long result = e.Current;
            while (e.MoveNext())
                if (e.Current < result) result = e.Current;
            return result;
        }

        public static long Min<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => Min(Select(source, selector));

        public static long? Min(this IEnumerable<long?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            long? result = null;
            foreach (long? value in source)
                if (value.HasValue && (!result.HasValue || value.GetValueOrDefault() < result.GetValueOrDefault())) result = value;
            return result;
        }

        public static long? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector) => Min(Select(source, selector));

        public static long Max(this IEnumerable<long> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            using IEnumerator<long> e = source.GetEnumerator();
            if (!e.MoveNext()) throw Errors.NoElements();
            long result = e.Current;
            while (e.MoveNext())
                if (e.Current > result) result = e.Current;
            return result;
        }

        public static long Max<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => Max(Select(source, selector));

        public static long? Max(this IEnumerable<long?> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            long? result = null;
            foreach (long? value in source)
                if (value.HasValue && (!result.HasValue || value.GetValueOrDefault() > result.GetValueOrDefault())) result = value;
            return result;
        }

        public static long? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector) => Max(Select(source, selector));

        /// <summary>NaN is smaller than every number: it is the minimum as soon as it appears.</summary>
        public static float Min(this IEnumerable<float> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            using IEnumerator<float> e = source.GetEnumerator();
            if (!e.MoveNext()) throw Errors.NoElements();
            float result = e.Current;
            if (float.IsNaN(result)) return result;
            while (e.MoveNext())
            {
                float value = e.Current;
                if (value < result) result = value;
                else if (float.IsNaN(value)) return value;
            }
            return result;
        }

        public static float Min<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector) => Min(Select(source, selector));

        /// <summary>NaN is the maximum only when every value is NaN.</summary>
        public static float Max(this IEnumerable<float> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            using IEnumerator<float> e = source.GetEnumerator();
            if (!e.MoveNext()) throw Errors.NoElements();
            float result = e.Current;
            while (double.IsNaN(result))
            {
                if (!e.MoveNext()) return result;
                result = e.Current;
            }
            while (e.MoveNext())
            {
                float value = e.Current;
                if (value > result) result = value;
            }
            return result;
        }

        public static float Max<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector) => Max(Select(source, selector));

        /// <summary>NaN is smaller than every number: it is the minimum as soon as it appears.</summary>
        public static double Min(this IEnumerable<double> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            using IEnumerator<double> e = source.GetEnumerator();
            if (!e.MoveNext()) throw Errors.NoElements();
            double result = e.Current;
            if (double.IsNaN(result)) return result;
            while (e.MoveNext())
            {
                double value = e.Current;
                if (value < result) result = value;
                else if (double.IsNaN(value)) return value;
            }
            return result;
        }

        public static double Min<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => Min(Select(source, selector));

        /// <summary>NaN is the maximum only when every value is NaN.</summary>
        public static double Max(this IEnumerable<double> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            using IEnumerator<double> e = source.GetEnumerator();
            if (!e.MoveNext()) throw Errors.NoElements();
            double result = e.Current;
            while (double.IsNaN(result))
            {
                if (!e.MoveNext()) return result;
                result = e.Current;
            }
            while (e.MoveNext())
            {
                double value = e.Current;
                if (value > result) result = value;
            }
            return result;
        }

        public static double Max<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => Max(Select(source, selector));

    }
}
