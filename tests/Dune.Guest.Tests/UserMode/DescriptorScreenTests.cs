using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>Descriptors inside poll's memory: at or above the floor, the program gets what Linux gives for a closed one.</summary>
public unsafe class DescriptorScreenTests
{
    private const int Floor = 960;

    [Fact]
    public void HiddenPollfdsComeBackWithPollnval()
    {
        // { fd, events, revents } x 4: a program descriptor, the monitor's, a disabled entry (~3), a number past the floor
        int[] raw = { 3, 1, 1000, 1, ~3, 1, int.MaxValue, 4 };
        fixed (int* words = raw)
        {
            byte* fds = (byte*)words;
            Assert.Equal(2, DescriptorScreen.CountReaching(fds, 4, Floor));
            var hidden = new ulong[1];
            DescriptorScreen.Hide(fds, 4, Floor, hidden);
            Assert.Equal(0b1010UL, hidden[0]);
            Assert.Equal((3, ~1000, ~3, ~int.MaxValue), (words[0], words[2], words[4], words[6]));
            for (int i = 0; i < 4; i++) *(short*)(fds + i * 8 + 6) = 0; // the host's poll: nothing ready
            DescriptorScreen.Restore(fds, 4, hidden);
            Assert.Equal((3, 1000, ~3, int.MaxValue), (words[0], words[2], words[4], words[6]));
            Assert.Equal(((short)0, (short)0x20, (short)0, (short)0x20), (*(short*)(fds + 6), *(short*)(fds + 14), *(short*)(fds + 22), *(short*)(fds + 30)));
            Assert.Equal(((short)1, (short)1, (short)4), (*(short*)(fds + 12), *(short*)(fds + 20), *(short*)(fds + 28))); // events untouched
        }
    }
}
