namespace Internal.Runtime.Gc
{
    /// <summary>Reads DUNE_GC_STRESS from the environment block without allocating (the heap is not up yet).</summary>
    internal static unsafe class StressInterval
    {
        /// <summary>The variable's decimal value, or 0 (no stress) if it is absent or not a number.</summary>
        public static nuint FromEnvironment(byte** envp)
        {
            if (envp == null) return 0;
            for (byte** entry = envp; *entry != null; entry++)
            {
                byte* value = AfterName(*entry);
                if (value == null) continue;
                nuint interval = 0;
                for (; *value >= '0' && *value <= '9'; value++) interval = interval * 10 + (nuint)(*value - '0');
                return *value == 0 ? interval : 0;
            }
            return 0;
        }

        private static byte* AfterName(byte* entry)
        {
            const string Name = "DUNE_GC_STRESS=";
            for (int i = 0; i < Name.Length; i++)
                if (entry[i] != Name[i]) return null;
            return entry + Name.Length;
        }
    }
}
