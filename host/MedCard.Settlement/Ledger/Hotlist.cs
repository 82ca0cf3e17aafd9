using System;
using System.Collections.Generic;

namespace MedCard.Settlement.Ledger;

/// <summary>Card numbers readers must refuse (reported lost or replaced), at a version that grows by one
/// on every change so readers can ask for what changed since their copy.</summary>
public sealed record Hotlist(long Version, IReadOnlyList<string> CardNumbers);

/// <summary>One hotlist change: the card was added (listed) or removed (loss report cancelled).</summary>
public sealed record HotlistChange(long Version, string CardNumber, bool Listed, DateTimeOffset At);
