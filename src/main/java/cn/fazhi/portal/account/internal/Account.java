package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 用户账号: a person's login with role and region scope. */
@Entity
@Table(name = "account")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String displayName;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private String scopeRegionCode;

    /** The level of the scope region; the database checks that it fits the role. */
    private String scopeLevel;

    private boolean enabled = true;

    private boolean mustChangePassword = true;

    private Instant lastLoginAt;

    private String lastLoginAddress;

    private Instant createdAt = Instant.now();

    @Version
    private int version;

    /** Bumped by every change of what this login may do; sessions carry the stamp they began with. */
    private int securityStamp;

    /** The elderly-friendly display (适老模式) this user chose; null until they choose. */
    private Boolean elderlyMode;

    public Account(
            String username,
            String displayName,
            String passwordHash,
            Role role,
            String scopeRegionCode,
            String scopeLevel,
            boolean mustChangePassword) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.scopeRegionCode = scopeRegionCode;
        this.scopeLevel = scopeLevel;
        this.mustChangePassword = mustChangePassword;
    }

    void enable() {
        enabled = true;
    }

    public void disable() {
        enabled = false;
        securityStamp++;
    }

    void changePassword(String newHash, boolean mustChangeAtNextLogin) {
        passwordHash = newHash;
        mustChangePassword = mustChangeAtNextLogin;
        securityStamp++;
    }

    void update(String displayName, Role role, String scopeRegionCode, String scopeLevel) {
        if (role != this.role || !java.util.Objects.equals(scopeRegionCode, this.scopeRegionCode)) {
            securityStamp++;
        }
        this.displayName = displayName;
        this.role = role;
        this.scopeRegionCode = scopeRegionCode;
        this.scopeLevel = scopeLevel;
    }

    void chooseDisplay(boolean elderly) {
        elderlyMode = elderly;
    }

    boolean isActiveAdmin() {
        return enabled && role == Role.ADMIN;
    }

    /** What the audit log keeps of an account: never the password hash. */
    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", username);
        state.put("displayName", displayName);
        state.put("role", role);
        state.put("scope", scopeRegionCode);
        state.put("enabled", enabled);
        state.put("mustChangePassword", mustChangePassword);
        return state;
    }

    void loggedIn(Instant at, String address) {
        this.lastLoginAt = at;
        this.lastLoginAddress = address;
    }

    /** Carries the previous login, which the user sees on their account page. */
    public PortalUser toPortalUser() {
        return new PortalUser(
                id,
                username,
                displayName,
                passwordHash,
                role,
                scopeRegionCode,
                enabled,
                mustChangePassword,
                lastLoginAt,
                lastLoginAddress,
                securityStamp);
    }
}
