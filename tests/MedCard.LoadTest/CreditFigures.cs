namespace MedCard.LoadTest;

/// <summary>The month-end credit runs of a load run, all hosts together.</summary>
/// <param name="Runs">Credit runs started.</param>
/// <param name="Credited">Persons credited (a new credit and entry each).</param>
/// <param name="AlreadyCredited">Persons skipped as credited for the month already, by this run's host or another.</param>
/// <param name="CreditedFen">What was credited, in fen.</param>
/// <param name="Failed">Runs that applied nothing (refused or failed in the store).</param>
/// <param name="Retries">Credit-run transactions the stores re-ran after 40001, 40P01 or 23505.</param>
public sealed record CreditFigures(long Runs, long Credited, long AlreadyCredited, long CreditedFen, long Failed, long Retries);
