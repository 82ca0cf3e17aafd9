using System.Collections.Generic;

namespace MedCard.NanoCheck.Api;

/// <summary>One NuGet package of the API data: its id and the assemblies it ships (<c># assemblies:</c>).</summary>
public sealed record ApiPackage(string Id, IReadOnlyList<string> Assemblies);
