using System;
using System.Runtime;
using Dune.Runtime.NativeFormat;
using Internal.Runtime;

namespace Dune.Runtime.Dispatch
{
    /// <summary>
    /// Builds the generic dictionary that shared (canonical) code of a generic method reads its type-dependent
    /// values from, as NativeAOT's type loader would, from the method's template in ilc's native layout: a bag whose
    /// DictionaryLayout element (0x40) is a relative offset to a sequence of cells, each a fixup kind and its
    /// signature. The dictionary pointer the code receives points at the first cell. Supported cells:
    /// <list type="bullet">
    /// <item>TypeHandle (1): a type's MethodTable.</item>
    /// <item>Method (0x0d): a function pointer (flags, entry point, containing type, method id, [arguments]); shared
    /// code that needs an instantiation argument gets a fat pointer to {code, argument}: the method dictionary of
    /// a generic method, or the MethodTable of a generic value type (its methods have no 'this' MethodTable).</item>
    /// <item>MethodDictionary (4): another generic method's dictionary, same signature as Method.</item>
    /// <item>InterfaceCall (2): an interface dispatch cell (interface type, slot).</item>
    /// <item>MethodLdToken (8): the method handle a generic virtual call from shared code passes to
    /// GVMLookupForSlot (same signature as Method), built as ilc lays handles out.</item>
    /// </list>
    /// Cells are filled eagerly and only with types ilc compiled (the runtime builds no types); anything else throws
    /// NotSupportedException saying what is missing. Dictionaries are kept per (code, owner, arguments), so
    /// recursive methods share theirs. Built only under <see cref="Internal.Runtime.DispatchLock"/> (generic virtual
    /// resolution holds it), so threads resolving at once share one list and never see a dictionary half filled.
    /// </summary>
    internal static unsafe class GenericDictionaries
    {
        private const int NativeLayout = 330, NativeReferences = 331, MethodTemplates = 322;
        private const uint DictionaryLayout = 0x40;
        private const uint TypeHandleCell = 1, InterfaceCallCell = 2, MethodDictionaryCell = 4, MethodLdTokenCell = 8, MethodCell = 0x0d;
        private const uint HasInstantiation = 1, IsUnboxingStub = 2, HasFunctionPointer = 4;
        private const int MaxArguments = 8, MaxDepth = 16;

        private struct Built
        {
            public IntPtr Code;
            public MethodTable* Owner;
            public int Count;
            public MethodTable** Arguments;
            public IntPtr* Dictionary;
            public Built* Next;
        }

        private static Built* s_built;

        /// <summary>Which generic virtual call a dictionary is built for (named when it cannot be).</summary>
        public struct Call
        {
            public MethodTable* Declaring, Receiver;
        }

        /// <summary>The dictionary of the shared generic method at <paramref name="code"/> for these arguments.</summary>
        public static IntPtr* ForMethod(IntPtr code, byte* layout, MethodTable* owner, MethodTable** arguments, int count, in Call call) =>
            ForMethod(code, layout, owner, arguments, count, call, 0);

        private static IntPtr* ForMethod(IntPtr code, byte* layout, MethodTable* owner, MethodTable** arguments, int count, in Call call, int depth)
        {
            if (!DispatchLock.IsHeld) ThrowHelpers.FailFast("generic dictionaries built without the dispatch lock");
            for (Built* b = s_built; b != null; b = b->Next)
                if (b->Code == code && b->Owner == owner && SameArguments(b, arguments, count)) return b->Dictionary;
            if (depth > MaxDepth) throw Unsupported("its generic dictionaries nest too deeply (recursion over ever larger types)", call);

            byte* cells = CellSequence(layout, call);
            uint cellCount = cells == null ? 0 : NativeReader.NativeUnsigned(ref cells);
            Built* entry = (Built*)GvmCache.Allocate((nuint)sizeof(Built));
            entry->Code = code;
            entry->Owner = owner;
            entry->Count = count;
            entry->Arguments = (MethodTable**)GvmCache.Allocate((nuint)(count * sizeof(MethodTable*)));
            for (int i = 0; i < count; i++) entry->Arguments[i] = arguments[i];
            entry->Dictionary = (IntPtr*)GvmCache.Allocate((nuint)((cellCount == 0 ? 1 : cellCount) * (uint)sizeof(IntPtr)));
            // Published before its cells are filled: a recursive method's dictionary refers to itself.
            entry->Next = s_built;
            s_built = entry;

            GenericContext context;
            context.Owner = owner;
            context.MethodArguments = entry->Arguments;
            context.MethodArgumentCount = count;
            byte* references = CompiledTypes.Section(NativeReferences);
            for (uint i = 0; i < cellCount; i++)
                entry->Dictionary[i] = Cell(ref cells, references, in context, call, depth);
            return entry->Dictionary;
        }

        /// <summary>The cell sequence of a template's bag, or null when the code needs no dictionary.</summary>
        private static byte* CellSequence(byte* bag, in Call call)
        {
            uint kind = NativeReader.NativeUnsigned(ref bag);
            if (kind == 0) return null;
            if (kind != DictionaryLayout) throw Unsupported("its template has an unknown layout element " + kind.ToString(), call);
            byte* at = bag;
            return at + NativeReader.NativeSigned(ref bag);
        }

        private static IntPtr Cell(ref byte* p, byte* references, in GenericContext context, in Call call, int depth)
        {
            uint kind = NativeReader.NativeUnsigned(ref p);
            string missing = null;
            switch (kind)
            {
                case TypeHandleCell:
                {
                    MethodTable* type = TypeSignatures.Resolve(ref p, references, context, ref missing);
                    if (type == null) throw Missing(missing, call);
                    return (IntPtr)type;
                }
                case InterfaceCallCell:
                {
                    MethodTable* interfaceType = TypeSignatures.Resolve(ref p, references, context, ref missing);
                    uint slot = NativeReader.NativeUnsigned(ref p);
                    if (interfaceType == null) throw Missing(missing, call);
                    return (IntPtr)InterfaceDispatch.NewCell(interfaceType, (int)slot);
                }
                case MethodCell:
                case MethodDictionaryCell:
                case MethodLdTokenCell:
                {
                    uint flags = NativeReader.NativeUnsigned(ref p);
                    IntPtr code = (flags & HasFunctionPointer) != 0 ? (IntPtr)NativeLayoutSignature.ExternalType(references, NativeReader.NativeUnsigned(ref p)) : IntPtr.Zero;
                    MethodTable* owner = TypeSignatures.Resolve(ref p, references, context, ref missing);
                    NativeReader.NativeUnsigned(ref p); // method id: 0 without metadata
                    MethodTable** arguments = stackalloc MethodTable*[MaxArguments];
                    int count = 0;
                    if ((flags & HasInstantiation) != 0)
                    {
                        count = (int)NativeReader.NativeUnsigned(ref p);
                        for (int i = 0; i < count; i++)
                        {
                            MethodTable* argument = TypeSignatures.Resolve(ref p, references, context, ref missing);
                            if (i < MaxArguments) arguments[i] = argument;
                        }
                    }
                    if (missing != null) throw Missing(missing, call);
                    if (count > MaxArguments) throw Unsupported("it calls a generic method with too many type arguments", call);
                    if (kind == MethodLdTokenCell) return (IntPtr)NewMethodHandle(owner, arguments, count);
                    if (code == IntPtr.Zero) throw Unsupported("it calls a generic method that cannot be identified without metadata", call);

                    if (count > 0)
                    {
                        byte* layout = TemplateLayout(code);
                        // Not a template: unshared code, which takes no dictionary.
                        if (layout == null)
                        {
                            if (kind == MethodDictionaryCell) throw Unsupported("it asks for the dictionary of a method compiled without one", call);
                            return code;
                        }
                        IntPtr* dictionary = ForMethod(code, layout, owner, arguments, count, call, depth + 1);
                        return kind == MethodDictionaryCell ? (IntPtr)dictionary : FatPointer(code, (IntPtr)dictionary);
                    }
                    if (kind == MethodDictionaryCell) throw Unsupported("it asks for the dictionary of a method without type arguments", call);
                    // Shared code of a generic value type's method takes the exact type as its hidden argument.
                    bool needsType = owner->IsValueType && owner->IsGeneric && (flags & IsUnboxingStub) == 0 && IsShared(owner);
                    return needsType ? FatPointer(code, (IntPtr)owner) : code;
                }
                default:
                    throw Unsupported("its generic dictionary needs a cell of kind " + kind.ToString() + ", which the runtime cannot fill", call);
            }
        }

        /// <summary>A method handle laid out like ilc's (see <see cref="GvmMethodHandle"/>), named after a static one.</summary>
        private static GvmMethodHandle* NewMethodHandle(MethodTable* declaring, MethodTable** arguments, int count)
        {
            var handle = (GvmMethodHandle*)GvmCache.Allocate((nuint)(sizeof(GvmMethodHandle) + count * sizeof(MethodTable*)));
            handle->DeclaringType = declaring;
            handle->MetadataHandle = 0;
            handle->ArgumentCount = count;
            MethodTable** slots = (MethodTable**)(handle + 1);
            for (int i = 0; i < count; i++) slots[i] = arguments[i];
            GvmMethodNames.Describe(handle);
            return handle;
        }

        /// <summary>Whether a generic type's methods are shared code (some type argument is a reference type).</summary>
        private static bool IsShared(MethodTable* type)
        {
            for (int i = 0; i < TypeLayout.GenericArity(type); i++)
            {
                MethodTable* argument = TypeLayout.GenericArgument(type, i);
                if (!argument->IsValueType || (argument->IsGeneric && IsShared(argument))) return true;
            }
            return false;
        }

        /// <summary>The dictionary layout of the template whose entry point is <paramref name="code"/>, or null.</summary>
        private static byte* TemplateLayout(IntPtr code)
        {
            byte* templates = CompiledTypes.Section(MethodTemplates), layout = CompiledTypes.Section(NativeLayout), references = CompiledTypes.Section(NativeReferences);
            if (templates == null || layout == null || references == null) return null;
            var entries = new NativeHashtable(templates);
            while (entries.MoveNext(out byte* e))
            {
                byte* p = layout + NativeReader.NativeUnsigned(ref e);
                byte* dictionaryLayout = layout + NativeReader.NativeUnsigned(ref e);
                uint flags = NativeReader.NativeUnsigned(ref p);
                if ((flags & HasFunctionPointer) != 0 && (IntPtr)NativeLayoutSignature.ExternalType(references, NativeReader.NativeUnsigned(ref p)) == code)
                    return dictionaryLayout;
            }
            return null;
        }

        /// <summary>A fat function pointer: the address of {code, hidden argument} plus 2, as ilc's call sites expect.</summary>
        public static IntPtr FatPointer(IntPtr code, IntPtr argument)
        {
            IntPtr* cell = (IntPtr*)GvmCache.Allocate((nuint)(2 * sizeof(IntPtr)));
            cell[0] = code;
            cell[1] = argument;
            return (IntPtr)((byte*)cell + 2);
        }

        private static bool SameArguments(Built* b, MethodTable** arguments, int count)
        {
            if (b->Count != count) return false;
            for (int i = 0; i < count; i++)
                if (b->Arguments[i] != arguments[i]) return false;
            return true;
        }

        private static NotSupportedException Missing(string type, in Call call) =>
            Unsupported("the shared code needs '" + type + "', which ilc did not compile into the executable (the runtime builds no types)", call);

        private static NotSupportedException Unsupported(string reason, in Call call) => GvmResolver.Unsupported(reason, call.Declaring, call.Receiver);
    }
}
