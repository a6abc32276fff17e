using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Single-precision counterparts of System.Math.</summary>
    public static partial class MathF
    {
        public const float E = 2.71828183f;
        public const float PI = 3.14159265f;
        public const float Tau = 6.283185307f;

        [Intrinsic] public static float Abs(float x) => Math.Abs(x);
        public static float Max(float x, float y) => Math.Max(x, y);
        public static float Min(float x, float y) => Math.Min(x, y);
        public static int Sign(float x) => Math.Sign(x);
    }
}
