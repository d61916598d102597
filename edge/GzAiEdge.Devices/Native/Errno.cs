namespace GzAiEdge.Devices.Native;

/// <summary>The errno values the device layers tell apart (asm-generic/errno-base.h and errno.h).</summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int ENXIO = 6;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int ENODEV = 19;
    public const int EINVAL = 22;
    public const int ENOTTY = 25;
    public const int EOPNOTSUPP = 95;
    public const int ETIMEDOUT = 110;
    public const int EREMOTEIO = 121;

    /// <summary>The symbolic name, so that a message can be searched for ("ENOTTY"), or the number.</summary>
    public static string Name(int errno) => errno switch
    {
        EPERM => "EPERM",
        ENOENT => "ENOENT",
        EINTR => "EINTR",
        EIO => "EIO",
        ENXIO => "ENXIO",
        EAGAIN => "EAGAIN",
        EACCES => "EACCES",
        EBUSY => "EBUSY",
        ENODEV => "ENODEV",
        EINVAL => "EINVAL",
        ENOTTY => "ENOTTY",
        EOPNOTSUPP => "EOPNOTSUPP",
        ETIMEDOUT => "ETIMEDOUT",
        EREMOTEIO => "EREMOTEIO",
        _ => $"errno {errno}",
    };
}
