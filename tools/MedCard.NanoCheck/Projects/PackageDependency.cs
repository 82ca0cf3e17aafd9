namespace MedCard.NanoCheck.Projects;

/// <summary>A package's declared dependency: at least <paramref name="Minimum"/> of <paramref name="Id"/>, as its nuspec at <paramref name="Source"/> says.</summary>
public sealed record PackageDependency(string Id, string Minimum, string Source);
