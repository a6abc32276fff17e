namespace System.IO
{
    /// <summary>A path as the NUL-terminated UTF-8 the kernel takes.</summary>
    internal static class PathBytes
    {
        public static byte[] Of(string path)
        {
            byte[] bytes = new byte[Utf8.ByteCount(path) + 1];
            Utf8.Encode(path, new Span<byte>(bytes));
            return bytes;
        }
    }
}
