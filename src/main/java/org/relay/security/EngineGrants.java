package org.relay.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Idempotent writes of Camunda grants, for everything in Relay that decides who may see what in the engine: the
 * groups' standing rights (EngineAuthorizations), the Tasklist filters, each lifecycle's managers.
 */
@Component
public class EngineGrants {

    private final AuthorizationService authorizations;

    EngineGrants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** The group holds these permissions on the resource (added to what it holds; nothing written if it has them). */
    public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = groupGrant(group, resource, resourceId);
        Authorization authorization = existing != null ? existing : newGrant(Authorization.AUTH_TYPE_GRANT, resource, resourceId);
        if (existing == null) {
            authorization.setGroupId(group);
        }
        addAndSave(authorization, existing == null, permissions);
    }

    /** A new grant, for a caller that has just read the resource's grants and knows the group holds none. */
    public void addGrant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = newGrant(Authorization.AUTH_TYPE_GRANT, resource, resourceId);
        authorization.setGroupId(group);
        addAndSave(authorization, true, permissions);
    }

    /** Everyone holds these permissions on the resource (a global authorization). */
    public void grantToEveryone(Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : newGrant(Authorization.AUTH_TYPE_GLOBAL, resource, resourceId);
        if (existing == null) {
            authorization.setUserId(Authorization.ANY);
        }
        addAndSave(authorization, existing == null, permissions);
    }

    /** Takes back permissions from a group; the grant row goes when nothing is left in it. */
    public void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = groupGrant(group, resource, resourceId);
        if (existing == null) {
            return;
        }
        boolean changed = false;
        for (Permission permission : permissions) {
            if (existing.isPermissionGranted(permission)) {
                existing.removePermission(permission);
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        if (existing.getPermissions(Permissions.values()).length == 0) {
            authorizations.deleteAuthorization(existing.getId());
        } else {
            authorizations.saveAuthorization(existing);
        }
    }

    /** The groups' grants on one resource (a per-instance grant, say). */
    public List<Authorization> groupGrantsOn(Resource resource, String resourceId) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId).list().stream()
                .filter(grant -> grant.getGroupId() != null).toList();
    }

    public void delete(Authorization authorization) {
        authorizations.deleteAuthorization(authorization.getId());
    }

    private Authorization groupGrant(String group, Resource resource, String resourceId) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    }

    private Authorization newGrant(int type, Resource resource, String resourceId) {
        Authorization authorization = authorizations.createNewAuthorization(type);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        return authorization;
    }

    private void addAndSave(Authorization authorization, boolean isNew, Permission... permissions) {
        boolean changed = isNew;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
