namespace TicketApi.Http;

/// <summary>Which fields a body must carry: POST needs a title, PUT every writable field, PATCH none.</summary>
public enum WriteMode
{
    Create,
    Replace,
    Patch,
}
