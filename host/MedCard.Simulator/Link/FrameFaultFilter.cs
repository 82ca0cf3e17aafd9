using System;
using System.Buffers;
using MedCard.Protocol;

namespace MedCard.Simulator.Link;

/// <summary>
/// Applies a <see cref="LineFaultPlan"/> to one direction of the byte stream. Bytes are held until the frame
/// delimiter (0x00) completes a frame, then the frame is passed, dropped, duplicated, bit-flipped or preceded
/// by noise. Used by one thread per direction.
/// </summary>
internal sealed class FrameFaultFilter
{
    private readonly LineFaultPlan _plan;
    private readonly LinkDirection _direction;
    private readonly ArrayBufferWriter<byte> _frame = new(FrameFormat.MaxEncodedFrameSize);

    public FrameFaultFilter(LineFaultPlan plan, LinkDirection direction)
    {
        _plan = plan;
        _direction = direction;
    }

    /// <summary>Feed received bytes; whole frames (after faults) are appended to <paramref name="output"/>.</summary>
    public void Process(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        while (!input.IsEmpty)
        {
            int end = input.IndexOf(FrameFormat.Delimiter);
            if (end < 0)
            {
                _frame.Write(input);
                return;
            }

            _frame.Write(input[..(end + 1)]);
            input = input[(end + 1)..];
            Emit(output);
            _frame.Clear();
        }
    }

    private void Emit(IBufferWriter<byte> output)
    {
        ReadOnlySpan<byte> frame = _frame.WrittenSpan;
        Random random = _plan.RandomFor(_direction);
        switch (_plan.Next(_direction))
        {
            case FrameFault.Drop:
                return;
            case FrameFault.Duplicate:
                output.Write(frame);
                output.Write(frame);
                return;
            case FrameFault.Corrupt:
            {
                Span<byte> copy = output.GetSpan(frame.Length)[..frame.Length];
                frame.CopyTo(copy);
                if (frame.Length > 1)
                {
                    int at = random.Next(frame.Length - 1); // never the delimiter
                    int bit = random.Next(8);
                    byte flipped = (byte)(copy[at] ^ (1 << bit));
                    copy[at] = flipped != 0 ? flipped : (byte)(copy[at] ^ (1 << ((bit + 1) % 8)));
                }

                output.Advance(frame.Length);
                return;
            }

            case FrameFault.Noise:
            {
                Span<byte> noise = stackalloc byte[8];
                noise = noise[..(1 + random.Next(8))];
                random.NextBytes(noise);
                output.Write(noise);
                output.Write(frame);
                return;
            }

            default:
                output.Write(frame);
                return;
        }
    }
}
