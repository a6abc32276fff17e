namespace System.Runtime.InteropServices
{
    /// <summary>ilc requires this type; DuneAot has no dynamic interface casting, so nothing implements it.</summary>
    public interface IDynamicInterfaceCastable
    {
        internal static IntPtr GetDynamicInterfaceImplementation(object instance, IntPtr interfaceType, ushort slot) => IntPtr.Zero;
    }
}
