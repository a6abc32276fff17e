/// <summary>
/// One column of one row: the cost per operation of each repetition (rdtsc ticks: cycles on hardware,
/// instructions in the test VM under --icount), summarised by the median and the spread around it.
/// </summary>
sealed class Sample
{
    private readonly ulong[] _values;
    private int _count;

    public Sample(int repetitions) { _values = new ulong[repetitions]; }

    public int Count => _count;

    public void Add(ulong perOperation) => _values[_count++] = perOperation;

    public ulong Min { get { ulong m = ulong.MaxValue; for (int i = 0; i < _count; i++) if (_values[i] < m) m = _values[i]; return m; } }

    public ulong Max { get { ulong m = 0; for (int i = 0; i < _count; i++) if (_values[i] > m) m = _values[i]; return m; } }

    /// <summary>The middle value (the lower middle for an even count); the array is tiny, so insertion sort.</summary>
    public ulong Median
    {
        get
        {
            if (_count == 0) return 0;
            ulong[] sorted = new ulong[_count];
            for (int i = 0; i < _count; i++)
            {
                int j = i;
                for (; j > 0 && sorted[j - 1] > _values[i]; j--) sorted[j] = sorted[j - 1];
                sorted[j] = _values[i];
            }
            return sorted[(_count - 1) / 2];
        }
    }

    /// <summary>(max - min) / median in percent: how far apart the repetitions were.</summary>
    public ulong SpreadPercent
    {
        get
        {
            ulong median = Median;
            return median == 0 ? 0 : ((Max - Min) * 100 + median / 2) / median;
        }
    }
}
