using Internal.Runtime;

namespace System
{
    /// <summary>Throw helpers used by the runtime's own code (kept out of line so callers stay small).</summary>
    internal static unsafe class ThrowHelpers
    {
        public static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();
        public static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();
        public static void ThrowArgumentException(string message) => throw new ArgumentException(message);
        public static void ThrowNullReferenceException() => throw new NullReferenceException();
        public static void ThrowOverflowException() => throw new OverflowException();
        public static void ThrowOutOfMemoryException() => throw new OutOfMemoryException();
        public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);
        public static void ThrowInvalidCastException(MethodTable* from, MethodTable* to) =>
            throw new InvalidCastException("Unable to cast object of type '" + Type.NameOf(from) + "' to type '" + Type.NameOf(to) + "'.");

        /// <summary>Ends the process at once with a message; for states the runtime cannot recover from.</summary>
        public static void FailFast(string message) => Dune.Runtime.Fatal.Exit("fatal runtime error: " + message, Dune.Runtime.ExitCodes.RuntimeFailure);
    }
}

namespace Internal.Runtime.CompilerHelpers
{
    using Internal.TypeSystem;

    /// <summary>Helpers ilc-generated code calls for checks that fail (overflow, bounds, divide by zero...).</summary>
    internal static class ThrowHelpers
    {
        private static void ThrowOverflowException() => throw new System.OverflowException();
        private static void ThrowIndexOutOfRangeException() => throw new System.IndexOutOfRangeException();
        private static void ThrowNullReferenceException() => throw new System.NullReferenceException();
        private static void ThrowDivideByZeroException() => throw new System.DivideByZeroException();
        private static void ThrowArrayTypeMismatchException() => throw new System.ArrayTypeMismatchException();
        private static void ThrowPlatformNotSupportedException() => throw new System.PlatformNotSupportedException();
        private static void ThrowNotImplementedException() => throw new System.NotImplementedException();
        private static void ThrowArgumentException() => throw new System.ArgumentException();
        private static void ThrowArgumentOutOfRangeException() => throw new System.ArgumentOutOfRangeException();
        private static void ThrowFeatureBodyRemoved() => throw new System.NotSupportedException("this code was removed by the compiler");

        // Bodies ilc substitutes for methods it could not compile; the id says why, the argument names what.
        private static void ThrowInvalidProgramException(ExceptionStringID id) => Fail("invalid program", id, null);
        private static void ThrowInvalidProgramExceptionWithArgument(ExceptionStringID id, string arg) => Fail("invalid program", id, arg);
        private static void ThrowTypeLoadException(ExceptionStringID id, string className, string typeName) => Fail("type load failure", id, typeName);
        private static void ThrowTypeLoadExceptionWithArgument(ExceptionStringID id, string className, string typeName, string arg) => Fail("type load failure", id, typeName + " " + arg);
        private static void ThrowMissingMethodException(ExceptionStringID id, string methodName) => Fail("missing method", id, methodName);
        private static void ThrowMissingFieldException(ExceptionStringID id, string fieldName) => Fail("missing field", id, fieldName);
        private static void ThrowFileNotFoundException(ExceptionStringID id, string fileName) => Fail("file not found", id, fileName);
        private static void ThrowBadImageFormatException(ExceptionStringID id) => Fail("bad image format", id, null);
        private static void ThrowMarshalDirectiveException(ExceptionStringID id) => Fail("marshalling not supported", id, null);
        private static void ThrowAmbiguousMatchException(ExceptionStringID id) => Fail("ambiguous match", id, null);

        private static void Fail(string what, ExceptionStringID id, string arg) =>
            throw new System.NotSupportedException(what + " (ilc reason " + ((int)id).ToString() + ")" + (arg == null ? "" : ": " + arg));
    }
}

namespace Internal.TypeSystem
{
    /// <summary>Reason codes ilc passes to the throwing stubs above (values are ilc's).</summary>
    internal enum ExceptionStringID { }
}
