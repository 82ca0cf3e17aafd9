using System;
using System.Buffers;
using System.Linq;
using MedCard.Simulator.Link;
using Xunit;

namespace MedCard.EndToEnd.Tests.Simulator;

/// <summary>The line model works on whole frames (up to each 0x00), whatever the chunking of the stream.</summary>
public sealed class FrameFaultFilterTests
{
    private static readonly byte[] Stream = { 1, 2, 3, 0, 4, 5, 0, 6, 7, 8, 9, 0 };

    [Theory]
    [InlineData(FrameFault.Drop, "010203000607080900")]
    [InlineData(FrameFault.Duplicate, "010203000405000405000607080900")]
    [InlineData(FrameFault.None, "010203000405000607080900")]
    public void The_armed_frame_is_dropped_or_duplicated_and_the_others_pass_whole(FrameFault fault, string expectedHex)
    {
        var plan = new ScriptedLineFaults(seed: 1);
        plan.Arm(LinkDirection.HostToReader, skip: 1, fault);
        string output = Run(plan, chunk: 5);
        Assert.Equal(expectedHex, output);
        Assert.Equal(fault == FrameFault.None ? 0 : 1, plan.Total);
    }

    [Fact]
    public void A_corrupted_frame_differs_in_exactly_one_bit_and_keeps_its_length_and_delimiter()
    {
        var plan = new ScriptedLineFaults(seed: 2);
        plan.Arm(LinkDirection.ReaderToHost, skip: 2, FrameFault.Corrupt);
        byte[] output = Convert.FromHexString(Run(plan, chunk: 3, LinkDirection.ReaderToHost));
        Assert.Equal(Stream.Length, output.Length);
        int bitsChanged = Stream.Zip(output, (a, b) => System.Numerics.BitOperations.PopCount((uint)(a ^ b))).Sum();
        Assert.Equal(1, bitsChanged);
        Assert.Equal(0, output[^1]);
        Assert.Equal(Stream[..7], output[..7]);
    }

    [Fact]
    public void Random_faults_are_the_same_for_the_same_seed()
    {
        string a = Run(RandomLineFaults.Uniform(seed: 42, rate: 0.8), chunk: 4);
        string b = Run(RandomLineFaults.Uniform(seed: 42, rate: 0.8), chunk: 7);
        string c = Run(RandomLineFaults.Uniform(seed: 43, rate: 0.8), chunk: 4);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    private static string Run(LineFaultPlan plan, int chunk, LinkDirection direction = LinkDirection.HostToReader)
    {
        var filter = new FrameFaultFilter(plan, direction);
        var output = new ArrayBufferWriter<byte>();
        for (int i = 0; i < 8; i++)
        {
            for (int at = 0; at < Stream.Length; at += chunk)
            {
                filter.Process(Stream.AsSpan(at, Math.Min(chunk, Stream.Length - at)), output);
            }

            if (plan is ScriptedLineFaults)
            {
                break; // one pass is enough for scripted faults
            }
        }

        return Convert.ToHexString(output.WrittenSpan);
    }
}
