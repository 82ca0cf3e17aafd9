namespace MedCard.Settlement.Model;

/// <summary>Each visit type has its own policy and its own year-to-date accumulator.</summary>
public enum VisitType
{
    /// <summary>An outpatient visit.</summary>
    Outpatient = 1,
    /// <summary>A hospital stay.</summary>
    Inpatient = 2,
    /// <summary>A purchase at a pharmacy.</summary>
    Pharmacy = 3,

    /// <summary>Emergency and rescue care (including emergency hospitalisation): settles on a card
    /// reported lost and at institutions that are not designated.</summary>
    Emergency = 4,
}
