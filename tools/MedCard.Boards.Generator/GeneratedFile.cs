namespace MedCard.Boards.Generator
{
    /// <summary>One output of the generator: a path relative to the repository root and its exact text.</summary>
    public sealed record GeneratedFile(string RelativePath, string Content);
}
