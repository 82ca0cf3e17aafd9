namespace MedCard.Settlement.Model;

/// <summary>How a loss was reported: by phone (24 h line) or in writing at a service desk.</summary>
public enum LossChannel
{
    /// <summary>By phone, on the 24-hour line.</summary>
    Phone = 1,
    /// <summary>In writing at a service desk.</summary>
    Written = 2,
}
