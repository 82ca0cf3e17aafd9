namespace MedCard.NanoCheck.Projects;

/// <summary>One <c>&lt;package id=… version=…/&gt;</c> of a packages.config, with its line for diagnostics.</summary>
public sealed record PackageReference(string Id, string Version, int Line);
