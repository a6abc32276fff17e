namespace System.Runtime.CompilerServices
{
    /// <summary>How csc stores a `const decimal` field's value (it cannot be a metadata constant).</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
    public sealed class DecimalConstantAttribute : Attribute
    {
        private readonly decimal _value;

        public DecimalConstantAttribute(byte scale, byte sign, uint hi, uint mid, uint low) =>
            _value = new decimal((int)low, (int)mid, (int)hi, sign != 0, scale);

        public DecimalConstantAttribute(byte scale, byte sign, int hi, int mid, int low) =>
            _value = new decimal(low, mid, hi, sign != 0, scale);

        public decimal Value => _value;
    }
}
