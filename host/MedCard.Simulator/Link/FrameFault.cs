namespace MedCard.Simulator.Link;

/// <summary>What the line does to one frame (everything up to and including a 0x00 delimiter).</summary>
public enum FrameFault
{
    /// <summary>Delivered intact.</summary>
    None = 0,

    /// <summary>Lost entirely (a glitch that swallowed it, or a receiver overrun).</summary>
    Drop = 1,

    /// <summary>Delivered twice (a retransmitting bridge, a replayed buffer).</summary>
    Duplicate = 2,

    /// <summary>One bit flipped in one byte (never into the delimiter): the receiver's CRC must catch it.</summary>
    Corrupt = 3,

    /// <summary>1 to 8 random bytes before the frame (line noise); may merge into the frame or form a garbage frame.</summary>
    Noise = 4,
}
