using System;
using System.Collections.Generic;

namespace MedCard.Link.Benchmarks;

/// <summary>Nearest-rank percentiles over a sample (sorted copy; the sample is small).</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sample, double percentile)
    {
        if (sample.Count == 0)
        {
            return double.NaN;
        }

        double[] sorted = new double[sample.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i] = sample[i];
        }

        Array.Sort(sorted);
        int rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
