using System.Collections.Generic;

namespace MedCard.Settlement.Rules;

/// <summary>How the out-of-pocket part is paid: own personal account first, then the chosen bound
/// relative's account, then cash. A low balance never refuses: the rest is cash.</summary>
public sealed record PaymentSplit(long OwnAccount, long RelativeAccount, string? RelativeResidentId, long Cash, IReadOnlyList<string> Steps);
