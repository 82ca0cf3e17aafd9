using System.Collections.Generic;

namespace MedCard.Service.Api;

/// <summary>A reader as GET /v1/readers lists it.</summary>
/// <param name="Name">The name in the API's paths.</param>
/// <param name="ReaderId">The reader's id (0 when it could not be opened).</param>
/// <param name="State">Connected, Reconnecting, Closed... or Unavailable when it could not be opened.</param>
/// <param name="Busy">True while a purchase has the reader.</param>
/// <param name="Card">The card in its field (null when none).</param>
/// <param name="Error">Why it could not be opened.</param>
public sealed record ReaderView(string Name, uint ReaderId, string State, bool Busy, CardView? Card, string? Error);

/// <summary>A reader's own status beside the ledger's view of it (GET /v1/readers/{name}).</summary>
public sealed record ReaderStatusView(string Name, uint ReaderId, string State, bool Busy, string? Firmware, uint Counter, uint? LedgerCounter,
    uint UnfiledRecords, uint HotlistVersion, long LedgerHotlistVersion, bool HotlistBehind, int JournalRecords);

/// <summary>A card in a reader's field, or the event of one arriving or leaving.</summary>
/// <param name="Present">True: presented; false: removed.</param>
/// <param name="Uid">The card's UID in hex.</param>
/// <param name="CardNumber">The card number when the holder data read well.</param>
/// <param name="HolderVerified">True when the host verified the issuer's MAC on the holder data.</param>
public sealed record CardView(bool Present, string Uid, string? CardNumber, bool HolderVerified);

/// <summary>What a purchase came to: settled (the split and the ledger's explanation), refused (a stable reason and why) or
/// already counted.</summary>
public sealed record PurchaseView(string Status, string Reason, string Message, string Reader, uint ReaderId, uint Counter, string? CardNumber,
    long TotalFen, long FundFen, long OwnAccountFen, long RelativeAccountFen, long CashFen, int? PinTriesLeft, IReadOnlyList<string> Explanation);

/// <summary>A refund's reversing postings.</summary>
public sealed record RefundView(uint ReaderId, uint Counter, bool AlreadyRefunded, IReadOnlyList<PostingView> Postings);

/// <summary>One ledger posting.</summary>
public sealed record PostingView(string Account, long AmountFen);

/// <summary>A personal account's balance, found by card.</summary>
public sealed record BalanceView(string CardNumber, string Holder, string ResidentId, long BalanceFen);

/// <summary>A card's records the next statement prints.</summary>
public sealed record HistoryView(string CardNumber, int Unprinted, int Limit, IReadOnlyList<RecordView> Records);

/// <summary>One record on a card's statement.</summary>
public sealed record RecordView(uint ReaderId, uint Counter, string Time, string Institution, string Visit, long TotalFen, long FundFen,
    long PersonalFen, long CashFen, bool Refunded);

/// <summary>A loss report filed, and the hotlist pushed to every connected reader.</summary>
public sealed record LossReportView(string CardNumber, IReadOnlyList<HotlistPushView> HotlistPushes);

/// <summary>How one reader took the hotlist.</summary>
/// <param name="Reader">The reader's name.</param>
/// <param name="Version">The ledger's hotlist version pushed.</param>
/// <param name="Cards">How many card numbers it lists.</param>
/// <param name="Status">Activated, Stale (it had this version or newer), Full, StorageFailure, or Failed (not reached: see Error).</param>
/// <param name="InForce">True when the reader now refuses the card.</param>
/// <param name="Error">Why the reader was not reached.</param>
public sealed record HotlistPushView(string Reader, uint Version, int Cards, string Status, bool InForce, string? Error);
