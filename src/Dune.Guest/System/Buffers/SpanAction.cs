namespace System.Buffers
{
    /// <summary>Fills <paramref name="span"/> using <paramref name="arg"/> (string.Create's callback).</summary>
    public delegate void SpanAction<T, in TArg>(Span<T> span, TArg arg);

    /// <summary>Reads <paramref name="span"/> using <paramref name="arg"/>.</summary>
    public delegate void ReadOnlySpanAction<T, in TArg>(ReadOnlySpan<T> span, TArg arg);
}
