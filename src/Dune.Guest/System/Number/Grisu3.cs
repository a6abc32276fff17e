namespace System
{
    internal static partial class Number
    {
        /// <summary>
        /// Grisu3 (Loitsch, "Printing Floating-Point Numbers Quickly and Accurately with Integers"): the shortest
        /// digits in 64-bit arithmetic for nearly every value. It reports failure instead of guessing when the
        /// approximation cannot prove its answer shortest and closest; Dragon4 then gives the exact answer.
        /// </summary>
        internal static unsafe bool Grisu3Shortest(ulong mantissa, int exponent, bool lowerBoundaryCloser, byte* buffer, out int length, out int scale)
        {
            // Boundaries m- and m+ (halfway to the neighbours), normalized to the same exponent.
            DiyFp plus = DiyFp.Normalize((mantissa << 1) + 1, exponent - 1);
            DiyFp minus = lowerBoundaryCloser ? new DiyFp((mantissa << 2) - 1, exponent - 2) : new DiyFp((mantissa << 1) - 1, exponent - 1);
            minus = new DiyFp(minus.F << (minus.E - plus.E), plus.E);
            DiyFp w = DiyFp.Normalize(mantissa, exponent);

            // A cached power 10^-k that brings w's exponent into [-60, -32].
            int minExponent = -60 - (w.E + 64);
            double kEstimate = (minExponent + 63) * 0.30102999566398114;
            int k = (int)kEstimate;
            if (k < kEstimate) k++;
            int index = (348 + k - 1) / 8 + 1;
            DiyFp tenMk = new DiyFp(CachedPowerSignificands[index], CachedPowerExponents[index]);
            int mk = -348 + 8 * index;

            bool ok = DigitGen(DiyFp.Multiply(minus, tenMk), DiyFp.Multiply(w, tenMk), DiyFp.Multiply(plus, tenMk), buffer, out length, out int kappa);
            scale = length - mk + kappa;
            return ok;
        }

        private static unsafe bool DigitGen(DiyFp low, DiyFp w, DiyFp high, byte* buffer, out int length, out int kappa)
        {
            ulong unit = 1;
            ulong tooLow = low.F - unit, tooHigh = high.F + unit;
            ulong unsafeInterval = tooHigh - tooLow;
            int shift = -w.E;
            ulong one = 1UL << shift;
            uint integrals = (uint)(tooHigh >> shift);
            ulong fractionals = tooHigh & (one - 1);

            // The largest power of ten not above the integral part.
            uint divisor = 1;
            kappa = 1;
            while (kappa < 10 && integrals >= divisor * 10UL) { divisor *= 10; kappa++; }
            if (integrals == 0) { divisor = 0; kappa = 0; }

            length = 0;
            while (kappa > 0)
            {
                uint digit = integrals / divisor;
                buffer[length++] = (byte)('0' + digit);
                integrals %= divisor;
                kappa--;
                ulong rest = ((ulong)integrals << shift) + fractionals;
                if (rest < unsafeInterval)
                    return RoundWeed(buffer, length, tooHigh - w.F, unsafeInterval, rest, (ulong)divisor << shift, unit);
                divisor /= 10;
            }

            while (true)
            {
                fractionals *= 10;
                unit *= 10;
                unsafeInterval *= 10;
                buffer[length++] = (byte)('0' + (int)(fractionals >> shift));
                fractionals &= one - 1;
                kappa--;
                if (fractionals < unsafeInterval)
                    return RoundWeed(buffer, length, (tooHigh - w.F) * unit, unsafeInterval, fractionals, one, unit);
            }
        }

        /// <summary>Moves the last digit towards w while that stays safe; false if the closest choice is uncertain.</summary>
        private static unsafe bool RoundWeed(byte* buffer, int length, ulong distanceTooHighW, ulong unsafeInterval, ulong rest, ulong tenKappa, ulong unit)
        {
            ulong smallDistance = distanceTooHighW - unit;
            ulong bigDistance = distanceTooHighW + unit;
            while (rest < smallDistance && unsafeInterval - rest >= tenKappa &&
                   (rest + tenKappa < smallDistance || smallDistance - rest >= rest + tenKappa - smallDistance))
            {
                buffer[length - 1]--;
                rest += tenKappa;
            }
            if (rest < bigDistance && unsafeInterval - rest >= tenKappa &&
                (rest + tenKappa < bigDistance || bigDistance - rest > rest + tenKappa - bigDistance))
                return false;
            return 2 * unit <= rest && rest <= unsafeInterval - 4 * unit;
        }

        /// <summary>A 64-bit significand and a binary exponent: F × 2^E.</summary>
        private readonly struct DiyFp
        {
            public readonly ulong F;
            public readonly int E;

            public DiyFp(ulong f, int e) { F = f; E = e; }

            public static DiyFp Normalize(ulong f, int e)
            {
                int shift = 63 - BigInteger.Log2(f);
                return new DiyFp(f << shift, e - shift);
            }

            /// <summary>The product's upper 64 bits, rounded.</summary>
            public static DiyFp Multiply(DiyFp x, DiyFp y)
            {
                ulong a = x.F >> 32, b = x.F & 0xFFFFFFFF, c = y.F >> 32, d = y.F & 0xFFFFFFFF;
                ulong ac = a * c, bc = b * c, ad = a * d, bd = b * d;
                ulong tmp = (bd >> 32) + (ad & 0xFFFFFFFF) + (bc & 0xFFFFFFFF) + (1UL << 31);
                return new DiyFp(ac + (ad >> 32) + (bc >> 32) + (tmp >> 32), x.E + y.E + 64);
            }
        }

        // 10^k for k = -348, -340, ..., 340: normalized 64-bit significands (rounded) and binary exponents.
        private static ReadOnlySpan<ulong> CachedPowerSignificands => new ulong[]
        {
            0xFA8FD5A0081C0288, 0xBAAEE17FA23EBF76, 0x8B16FB203055AC76, 0xCF42894A5DCE35EA,
            0x9A6BB0AA55653B2D, 0xE61ACF033D1A45DF, 0xAB70FE17C79AC6CA, 0xFF77B1FCBEBCDC4F,
            0xBE5691EF416BD60C, 0x8DD01FAD907FFC3C, 0xD3515C2831559A83, 0x9D71AC8FADA6C9B5,
            0xEA9C227723EE8BCB, 0xAECC49914078536D, 0x823C12795DB6CE57, 0xC21094364DFB5637,
            0x9096EA6F3848984F, 0xD77485CB25823AC7, 0xA086CFCD97BF97F4, 0xEF340A98172AACE5,
            0xB23867FB2A35B28E, 0x84C8D4DFD2C63F3B, 0xC5DD44271AD3CDBA, 0x936B9FCEBB25C996,
            0xDBAC6C247D62A584, 0xA3AB66580D5FDAF6, 0xF3E2F893DEC3F126, 0xB5B5ADA8AAFF80B8,
            0x87625F056C7C4A8B, 0xC9BCFF6034C13053, 0x964E858C91BA2655, 0xDFF9772470297EBD,
            0xA6DFBD9FB8E5B88F, 0xF8A95FCF88747D94, 0xB94470938FA89BCF, 0x8A08F0F8BF0F156B,
            0xCDB02555653131B6, 0x993FE2C6D07B7FAC, 0xE45C10C42A2B3B06, 0xAA242499697392D3,
            0xFD87B5F28300CA0E, 0xBCE5086492111AEB, 0x8CBCCC096F5088CC, 0xD1B71758E219652C,
            0x9C40000000000000, 0xE8D4A51000000000, 0xAD78EBC5AC620000, 0x813F3978F8940984,
            0xC097CE7BC90715B3, 0x8F7E32CE7BEA5C70, 0xD5D238A4ABE98068, 0x9F4F2726179A2245,
            0xED63A231D4C4FB27, 0xB0DE65388CC8ADA8, 0x83C7088E1AAB65DB, 0xC45D1DF942711D9A,
            0x924D692CA61BE758, 0xDA01EE641A708DEA, 0xA26DA3999AEF774A, 0xF209787BB47D6B85,
            0xB454E4A179DD1877, 0x865B86925B9BC5C2, 0xC83553C5C8965D3D, 0x952AB45CFA97A0B3,
            0xDE469FBD99A05FE3, 0xA59BC234DB398C25, 0xF6C69A72A3989F5C, 0xB7DCBF5354E9BECE,
            0x88FCF317F22241E2, 0xCC20CE9BD35C78A5, 0x98165AF37B2153DF, 0xE2A0B5DC971F303A,
            0xA8D9D1535CE3B396, 0xFB9B7CD9A4A7443C, 0xBB764C4CA7A44410, 0x8BAB8EEFB6409C1A,
            0xD01FEF10A657842C, 0x9B10A4E5E9913129, 0xE7109BFBA19C0C9D, 0xAC2820D9623BF429,
            0x80444B5E7AA7CF85, 0xBF21E44003ACDD2D, 0x8E679C2F5E44FF8F, 0xD433179D9C8CB841,
            0x9E19DB92B4E31BA9, 0xEB96BF6EBADF77D9, 0xAF87023B9BF0EE6B,
        };

        private static ReadOnlySpan<short> CachedPowerExponents => new short[]
        {
            -1220, -1193, -1166, -1140, -1113, -1087, -1060, -1034, -1007, -980, -954, -927, -901, -874, -847, -821,
            -794, -768, -741, -715, -688, -661, -635, -608, -582, -555, -529, -502, -475, -449, -422, -396,
            -369, -343, -316, -289, -263, -236, -210, -183, -157, -130, -103, -77, -50, -24, 3, 30,
            56, 83, 109, 136, 162, 189, 216, 242, 269, 295, 322, 348, 375, 402, 428, 455,
            481, 508, 534, 561, 588, 614, 641, 667, 694, 720, 747, 774, 800, 827, 853, 880,
            907, 933, 960, 986, 1013, 1039, 1066,
        };
    }
}
