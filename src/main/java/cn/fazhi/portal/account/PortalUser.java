package cn.fazhi.portal.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in account as Spring Security keeps it in the session. */
public final class PortalUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    private final Long id;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final Role role;
    private final String scopeRegionCode;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final Instant previousLoginAt;
    private final String previousLoginAddress;
    private final int securityStamp;

    public PortalUser(
            Long id,
            String username,
            String displayName,
            String passwordHash,
            Role role,
            String scopeRegionCode,
            boolean enabled,
            boolean mustChangePassword,
            Instant previousLoginAt,
            String previousLoginAddress,
            int securityStamp) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.scopeRegionCode = scopeRegionCode;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.previousLoginAt = previousLoginAt;
        this.previousLoginAddress = previousLoginAddress;
        this.securityStamp = securityStamp;
    }

    /** The same login once its own password was changed (which moved the account's stamp). */
    PortalUser withPasswordChanged(int newStamp) {
        return new PortalUser(
                id,
                username,
                displayName,
                null,
                role,
                scopeRegionCode,
                enabled,
                false,
                previousLoginAt,
                previousLoginAddress,
                newStamp);
    }

    int getSecurityStamp() {
        return securityStamp;
    }

    /** When and from where this account logged in before the current session. */
    public Instant getPreviousLoginAt() {
        return previousLoginAt;
    }

    public String getPreviousLoginAddress() {
        return previousLoginAddress;
    }

    public Long getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public String getScopeRegionCode() {
        return scopeRegionCode;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Viewer toViewer() {
        return new Viewer(id, username, role, scopeRegionCode);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
