namespace MedCard.Settlement.Model;

/// <summary>How a loss was reported: by phone (24 h line) or in writing at a service desk.</summary>
public enum LossChannel
{
    Phone = 1,
    Written = 2,
}
