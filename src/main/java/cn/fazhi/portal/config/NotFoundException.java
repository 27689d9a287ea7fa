package cn.fazhi.portal.config;

/**
 * Nothing of that name (不存在): or nothing the viewer may know exists, which is answered the same
 * way so that a draft's existence does not leak. 404.
 */
public class NotFoundException extends DomainException {

    public NotFoundException() {
        this("not found");
    }

    public NotFoundException(String what) {
        super(what, null);
    }
}
