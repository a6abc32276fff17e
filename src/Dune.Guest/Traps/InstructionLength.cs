namespace Dune.Traps
{
    /// <summary>
    /// Length of the x86-64 instructions that commonly fault in ring 0, for <see cref="TrapAction.SkipInstruction"/>:
    /// prefixes and REX, ModRM/SIB/displacement and immediates of the loads, stores, ALU, MUL/DIV, LEA, MOVZX/MOVSX,
    /// CMOVcc/SETcc, SSE moves, system instructions (UD2, RDMSR/WRMSR, MOV CRn, CPUID, RDTSC, HLT, INT3, INT n,
    /// port I/O). Anything else decodes as 0 (unknown): never a wrong guess that would resume mid-instruction.
    /// </summary>
    public static unsafe class InstructionLength
    {
        private const int MaxLength = 15;

        /// <summary>The length of the instruction at <paramref name="code"/>, or 0 when it is not one this decoder knows.</summary>
        public static int Decode(byte* code)
        {
            int i = 0;
            bool operand16 = false, address32 = false, rexW = false;
            while (i < MaxLength && IsLegacyPrefix(code[i]))
            {
                if (code[i] == 0x66) operand16 = true;
                if (code[i] == 0x67) address32 = true;
                i++;
            }
            if (i < MaxLength && (code[i] & 0xF0) == 0x40)
            {
                rexW = (code[i] & 8) != 0;
                i++;
            }
            if (i >= MaxLength) return 0;
            int immFull = rexW || !operand16 ? 4 : 2;    // imm32 (imm16 with 0x66)
            byte op = code[i++];
            int length;
            if (op == 0x0F)
            {
                byte op2 = code[i++];
                length = TwoByte(code, i, op2);
            }
            else
            {
                length = OneByte(code, i, op, immFull, rexW, operand16, address32);
            }
            return length < 0 || length > MaxLength ? 0 : length;
        }

        private static bool IsLegacyPrefix(byte b) =>
            b == 0x66 || b == 0x67 || b == 0xF0 || b == 0xF2 || b == 0xF3
            || b == 0x2E || b == 0x36 || b == 0x3E || b == 0x26 || b == 0x64 || b == 0x65;

        /// <summary>Length from <paramref name="at"/> (the ModRM byte) to the end of the instruction, plus the bytes before it.</summary>
        private static int WithModRm(byte* code, int at, int immediate) => at + ModRmLength(code + at) + immediate;

        private static int OneByte(byte* code, int at, byte op, int immFull, bool rexW, bool operand16, bool address32)
        {
            // ALU r/m forms 00-3B (op & 7 < 4), their AL/eAX immediate forms (op & 7 == 4 or 5).
            if (op < 0x40 && (op & 7) < 4) return WithModRm(code, at, 0);
            if (op < 0x40 && (op & 7) == 4) return at + 1;
            if (op < 0x40 && (op & 7) == 5) return at + immFull;
            if (op >= 0xB0 && op <= 0xB7) return at + 1;
            if (op >= 0xB8 && op <= 0xBF) return at + (rexW ? 8 : operand16 ? 2 : 4);
            if (op >= 0xA0 && op <= 0xA3) return at + (address32 ? 4 : 8);   // MOV moffs
            switch (op)
            {
                case 0x63: case 0x84: case 0x85: case 0x86: case 0x87: case 0x88: case 0x89: case 0x8A: case 0x8B:
                case 0x8D: case 0x8F: case 0xD0: case 0xD1: case 0xD2: case 0xD3: case 0xFE: case 0xFF:
                    return WithModRm(code, at, 0);
                case 0x80: case 0x83: case 0xC0: case 0xC1: case 0xC6: case 0x6B:
                    return WithModRm(code, at, 1);
                case 0x81: case 0xC7: case 0x69:
                    return WithModRm(code, at, immFull);
                case 0xF6: return WithModRm(code, at, Reg(code, at) < 2 ? 1 : 0);   // TEST has an immediate, NOT/NEG/MUL/DIV not
                case 0xF7: return WithModRm(code, at, Reg(code, at) < 2 ? immFull : 0);
                case 0xCC: case 0xF4: case 0x90: case 0xC3: case 0xEC: case 0xED: case 0xEE: case 0xEF: case 0x99: case 0x98:
                    return at;
                case 0xCD: case 0xE4: case 0xE5: case 0xE6: case 0xE7:
                    return at + 1;
                default: return -1;
            }
        }

        private static int Reg(byte* code, int at) => (code[at] >> 3) & 7;

        private static int TwoByte(byte* code, int at, byte op)
        {
            switch (op)
            {
                case 0x0B: case 0x30: case 0x31: case 0x32: case 0x33: case 0xA2: case 0x05: case 0x06: case 0x08: case 0x09:
                    return at;
                case 0x00: case 0x01: case 0x0D: case 0x10: case 0x11: case 0x18: case 0x1F: case 0x20: case 0x22:
                case 0x28: case 0x29: case 0x6E: case 0x6F: case 0x7E: case 0x7F: case 0xAE: case 0xAF: case 0xA3: case 0xAB:
                case 0xB0: case 0xB1: case 0xB3: case 0xB6: case 0xB7: case 0xBB: case 0xBE: case 0xBF: case 0xC7: case 0xD6:
                    return WithModRm(code, at, 0);
                case 0xBA: return WithModRm(code, at, 1);
                default:
                    if ((op & 0xF0) == 0x40 || (op & 0xF0) == 0x90) return WithModRm(code, at, 0);  // CMOVcc, SETcc
                    return -1;
            }
        }

        /// <summary>Bytes of ModRM, SIB and displacement (64-bit addressing; 32-bit addressing encodes the same).</summary>
        private static int ModRmLength(byte* modrm)
        {
            int mod = modrm[0] >> 6, rm = modrm[0] & 7;
            if (mod == 3) return 1;
            int length = 1;
            if (rm == 4)
            {
                length++;
                if (mod == 0 && (modrm[1] & 7) == 5) return length + 4;   // SIB without a base: disp32
            }
            else if (mod == 0 && rm == 5)
            {
                return length + 4;                                       // RIP-relative
            }
            return length + (mod == 1 ? 1 : mod == 2 ? 4 : 0);
        }
    }
}
