namespace System
{
    public partial class Object
    {
        /// <summary>Same reference, or both non-null and the first's Equals says so.</summary>
        public static bool Equals(object objA, object objB)
        {
            if (objA == objB) return true;
            if (objA == null || objB == null) return false;
            return objA.Equals(objB);
        }
    }
}
