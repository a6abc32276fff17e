using System.Collections.Generic;

/// <summary>What a path rule grants under its prefix.</summary>
enum PathAccess
{
    None,
    ReadOnly,
    ReadWrite,
}

/// <summary>
/// The file-system part of a policy: prefixes with an access each; the longest prefix that contains a path
/// decides, and a path no rule contains gets none. Paths are compared after lexical normalization ("//", ".",
/// ".." resolved without the file system), so symlinks are not followed: a symlink inside a read-write tree
/// may point outside it (see README).
/// </summary>
sealed class PathRules
{
    readonly List<string> _prefixes = new List<string>();
    readonly List<PathAccess> _access = new List<PathAccess>();

    public int Count => _prefixes.Count;

    public void Add(string prefix, PathAccess access)
    {
        _prefixes.Add(Normalize(prefix));
        _access.Add(access);
    }

    public PathAccess AccessOf(string absolutePath)
    {
        string path = Normalize(absolutePath);
        int best = -1;
        for (int i = 0; i < _prefixes.Count; i++)
            if (Contains(_prefixes[i], path) && (best < 0 || _prefixes[i].Length > _prefixes[best].Length)) best = i;
        return best < 0 ? PathAccess.None : _access[best];
    }

    static bool Contains(string prefix, string path) =>
        prefix == "/" || path == prefix || (path.StartsWith(prefix) && path[prefix.Length] == '/');

    /// <summary>An absolute path without empty, "." and ".." components ("/" for the root).</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return "/" + string.Join("/", parts);
    }
}
