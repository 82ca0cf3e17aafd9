using System;

namespace MedCard.Simulator.Link;

/// <summary>
/// Each frame independently suffers one fault with the given probabilities (their sum at most 1), from a
/// seeded generator per direction: the same seed and the same frame sequence give the same faults.
/// </summary>
public sealed class RandomLineFaults : LineFaultPlan
{
    private readonly Random[] _decisions;
    private readonly Random[] _details;

    /// <summary>Faults drawn from <paramref name="seed"/>: each frame is dropped, duplicated, bit-flipped or preceded by noise with the given probabilities.</summary>
    public RandomLineFaults(int seed, double drop, double duplicate, double corrupt, double noise)
    {
        if (drop < 0 || duplicate < 0 || corrupt < 0 || noise < 0 || drop + duplicate + corrupt + noise > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(drop), "Each rate is 0..1 and their sum at most 1.");
        }

        Seed = seed;
        DropRate = drop;
        DuplicateRate = duplicate;
        CorruptRate = corrupt;
        NoiseRate = noise;
        _decisions = new[] { new Random(seed), new Random(seed ^ 0x5A5A5A5A) };
        _details = new[] { new Random(seed + 1), new Random((seed + 1) ^ 0x5A5A5A5A) };
    }

    /// <summary>The seed the plan was made with.</summary>
    public int Seed { get; }

    /// <summary>Probability that a frame is dropped.</summary>
    public double DropRate { get; }

    /// <summary>Probability that a frame is sent twice.</summary>
    public double DuplicateRate { get; }

    /// <summary>Probability that a frame gets one bit flipped.</summary>
    public double CorruptRate { get; }

    /// <summary>Probability that noise bytes precede a frame.</summary>
    public double NoiseRate { get; }

    /// <summary>Every fault kind at <paramref name="rate"/>/4.</summary>
    public static RandomLineFaults Uniform(int seed, double rate) => new(seed, rate / 4, rate / 4, rate / 4, rate / 4);

    /// <inheritdoc />
    public override Random RandomFor(LinkDirection direction) => _details[(int)direction];

    /// <inheritdoc />
    protected override FrameFault Decide(LinkDirection direction)
    {
        double x = _decisions[(int)direction].NextDouble();
        if ((x -= DropRate) < 0)
        {
            return FrameFault.Drop;
        }

        if ((x -= DuplicateRate) < 0)
        {
            return FrameFault.Duplicate;
        }

        if ((x -= CorruptRate) < 0)
        {
            return FrameFault.Corrupt;
        }

        return x - NoiseRate < 0 ? FrameFault.Noise : FrameFault.None;
    }
}
