namespace Bitrix24.Client.Models
{
    /// <summary>
    /// A robot or workflow activity an application registered. bizproc.robot.list and bizproc.activity.list
    /// answer only the codes, so the code is all there is; it binds by name into the cmdlets that change or
    /// remove one (<c>Get-B24Robot | Unregister-B24Robot</c>).
    /// </summary>
    public abstract class AppActivity
    {
        private protected AppActivity(string code) => Code = code;

        public string Code { get; }

        public override string ToString() => Code;
    }

    /// <summary>An automation rule (robot) of the application (bizproc.robot.*).</summary>
    public sealed class B24Robot : AppActivity
    {
        public B24Robot(string code) : base(code) { }
    }

    /// <summary>A workflow designer action (activity) of the application (bizproc.activity.*).</summary>
    public sealed class B24Activity : AppActivity
    {
        public B24Activity(string code) : base(code) { }
    }
}
