using System.Runtime.CompilerServices;
using Dune.Backends.Kvm;
using Xunit;

namespace Dune.Guest.Tests.Backends;

/// <summary>
/// The KVM ioctl numbers the backend uses, against linux/kvm.h's _IO/_IOR/_IOW/_IOWR encoding (direction in bits
/// 30-31, size in 16-29, type 0xAE in 8-15, number in 0-7), and the structure sizes they carry.
/// </summary>
public class KvmApiTests
{
    private const ulong None = 0, Write = 1, Read = 2;

    private static ulong Ioctl(ulong direction, ulong number, int size) => direction << 30 | (ulong)size << 16 | 0xAEUL << 8 | number;

    [Fact]
    public void VcpuIoctlsForThreadsAndShootdowns()
    {
        Assert.Equal(KvmApi.CreateVcpu, Ioctl(None, 0x41, 0));
        Assert.Equal(KvmApi.Run, Ioctl(None, 0x80, 0));
        Assert.Equal(KvmApi.Nmi, Ioctl(None, 0x9A, 0));
        Assert.Equal(KvmApi.GetVcpuEvents, Ioctl(Read, 0x9F, 64));
        Assert.Equal(KvmApi.SetVcpuEvents, Ioctl(Write, 0xA0, 64));
        Assert.Equal(KvmApi.SetSregs, Ioctl(Write, 0x84, 312));
        Assert.Equal(KvmApi.SetFpu, Ioctl(Write, 0x8D, KvmApi.FpuSize));
        Assert.Equal(KvmApi.SetXcrs, Ioctl(Write, 0xA7, KvmApi.XcrsSize));
    }

    [Fact]
    public void StructureSizesMatchTheKernel()
    {
        Assert.Equal(64, Unsafe.SizeOf<KvmVcpuEvents>());
        Assert.Equal(312, Unsafe.SizeOf<KvmSregs>());
        Assert.Equal(144, Unsafe.SizeOf<KvmRegs>());
        Assert.Equal(1u, KvmApi.VcpuEventValidNmiPending);   // KVM_VCPUEVENT_VALID_NMI_PENDING
    }
}
