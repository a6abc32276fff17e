using Internal.Runtime;

namespace Dune.Runtime
{
    /// <summary>Names for code and type addresses, used by stack traces and fault reports.</summary>
    public static unsafe class Symbols
    {
        internal static string TypeName(MethodTable* mt) => "type@0x" + ((ulong)mt).ToString("x");
    }
}
