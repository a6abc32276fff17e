using System.Collections.Generic;
using Internal.Runtime;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Copying, clearing, filling and resizing arrays.</summary>
    public abstract unsafe partial class Array
    {
        public static T[] Empty<T>() => EmptyArray<T>.Value;

        private static class EmptyArray<T> { internal static readonly T[] Value = new T[0]; }

        public static void Copy(Array sourceArray, Array destinationArray, int length) => Copy(sourceArray, 0, destinationArray, 0, length);

        /// <summary>
        /// Same element types move as raw memory (overlap allowed); between reference element types each element
        /// is cast, as .NET does for e.g. object[] to string[].
        /// </summary>
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            if (sourceArray == null) throw new ArgumentNullException("sourceArray");
            if (destinationArray == null) throw new ArgumentNullException("destinationArray");
            if (length < 0) throw CollectionErrors.Negative("length", length);
            if (sourceIndex < 0) throw BelowZero("sourceIndex", sourceIndex);
            if (destinationIndex < 0) throw BelowZero("destinationIndex", destinationIndex);
            if (sourceIndex > sourceArray.Length - length)
                throw new ArgumentException("Source array was not long enough. Check the source index, length, and the array's lower bounds.", "sourceArray");
            if (destinationIndex > destinationArray.Length - length)
                throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.", "destinationArray");
            MethodTable* source = sourceArray.MethodTable, destination = destinationArray.MethodTable;
            if (source == destination)
            {
                nuint size = source->ComponentSize;
                byte* src = (byte*)Unsafe.AsPointer(ref sourceArray.GetRawArrayData()) + (nuint)sourceIndex * size;
                byte* dst = (byte*)Unsafe.AsPointer(ref destinationArray.GetRawArrayData()) + (nuint)destinationIndex * size;
                Memory.Move(dst, src, (nuint)length * size);
                if (source->ContainsGCPointers) WriteBarrier.RecordRange(dst, (nuint)length * size);
                return;
            }
            if (!source->ElementTypeOfArray->IsValueType && !destination->ElementTypeOfArray->IsValueType && source->IsSzArray && destination->IsSzArray)
            {
                CopyReferences(Unsafe.As<object[]>(sourceArray), sourceIndex, Unsafe.As<object[]>(destinationArray), destinationIndex, length, destination->ElementTypeOfArray);
                return;
            }
            throw new ArrayTypeMismatchException("Source array type cannot be assigned to destination array type.");
        }

        private static Exception BelowZero(string paramName, int value) =>
            new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be greater than or equal to '0'.");

        private static void CopyReferences(object[] source, int sourceIndex, object[] destination, int destinationIndex, int length, MethodTable* elementType)
        {
            // Overlap is only possible within one array, which the raw path above handles.
            for (int i = 0; i < length; i++)
            {
                object item = source[sourceIndex + i];
                if (item != null && !TypeCast.IsAssignable(item.MethodTable, elementType))
                    ThrowHelpers.ThrowInvalidCastException(item.MethodTable, elementType);
                Unsafe.Add(ref Unsafe.As<byte, object>(ref destination.GetRawArrayData()), destinationIndex + i) = item;
            }
        }

        public void CopyTo(Array array, int index) => Copy(this, 0, array, index, Length);

        /// <summary>A shallow copy: a new array of the same type holding the same elements.</summary>
        public object Clone()
        {
            Array clone = Unsafe.As<Array>(Allocator.NewArray(MethodTable, Length));
            Copy(this, 0, clone, 0, Length);
            return clone;
        }

        public static void Clear(Array array)
        {
            if (array == null) throw new ArgumentNullException("array");
            Memory.Zero(Unsafe.AsPointer(ref array.GetRawArrayData()), (nuint)array.Length * array.MethodTable->ComponentSize);
        }

        public static void Clear(Array array, int index, int length)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (index < 0 || length < 0 || index > array.Length - length) throw new IndexOutOfRangeException();
            nuint size = array.MethodTable->ComponentSize;
            Memory.Zero((byte*)Unsafe.AsPointer(ref array.GetRawArrayData()) + (nuint)index * size, (nuint)length * size);
        }

        public static void Fill<T>(T[] array, T value)
        {
            if (array == null) throw new ArgumentNullException("array");
            for (int i = 0; i < array.Length; i++) array[i] = value;
        }

        public static void Fill<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if ((uint)startIndex > (uint)array.Length) throw CollectionErrors.IndexAtMostCount("startIndex");
            if ((uint)count > (uint)(array.Length - startIndex)) throw CollectionErrors.CountOutOfRange();
            for (int i = startIndex; i < startIndex + count; i++) array[i] = value;
        }

        public static void Resize<T>(ref T[] array, int newSize)
        {
            if (newSize < 0) throw CollectionErrors.NeedNonNegative("newSize");
            T[] old = array;
            if (old == null)
            {
                array = new T[newSize];
                return;
            }
            if (old.Length == newSize) return;
            T[] resized = new T[newSize];
            Copy(old, 0, resized, 0, old.Length < newSize ? old.Length : newSize);
            array = resized;
        }
    }

    /// <summary>Limits and properties of arrays that collections size themselves by.</summary>
    internal static unsafe class ArrayLimits
    {
        /// <summary>Array.MaxLength in .NET.</summary>
        public const int MaxLength = 0x7FFFFFC7;
    }
}
